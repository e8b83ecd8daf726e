import { execFile, spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publishingProblems } from './package-checks.js'

// Packs every published package as `pnpm publish` would, installs the tarballs into a fresh,
// plain npm project and follows the getting-started guide there: its shell commands (with
// `@plugboard/*` names replaced by the tarballs) and its program. Third-party packages come from
// the npm registry through a cache kept under node_modules/.cache, so later runs stay offline.

const execute = promisify(execFile)
const repository = fileURLToPath(new URL('../../../', import.meta.url))
/** Every connector package the repository holds (the sandbox names each as an optional peer). */
const CONNECTORS = readdirSync(join(repository, 'packages'))
  .filter((name) => name.startsWith('connector-'))
  .sort()
const PUBLISHED = ['core', ...CONNECTORS, 'sandbox']
/** The connectors the guide does not install: the sandbox bin's default registry needs them. */
const OTHER_CONNECTORS = CONNECTORS.filter((name) => name !== 'connector-chargebee').map(
  (name) => `@plugboard/${name}`,
)
const MINUTES = 60_000

const catalog = readFileSync(join(repository, 'pnpm-workspace.yaml'), 'utf8')
const typescriptVersion = /^\s+typescript: (\S+)$/m.exec(catalog)?.[1] ?? 'latest'

/** pnpm as the test was started with (`pnpm test`), else the one on PATH. */
const pnpm = process.env.npm_execpath ?? 'pnpm'
const pnpmCommand = (args: string[]): [string, string[]] =>
  /\.[cm]?js$/.test(pnpm) ? [process.execPath, [pnpm, ...args]] : [pnpm, args]

// npm, npx and `node` in the guide's commands run on this Node (24), with a reused cache, and
// without the NODE_PATH pnpm's bin shims set (it would let the app find the workspace's packages).
const { NODE_PATH: _workspacePath, ...inherited } = process.env
const env: Record<string, string | undefined> = {
  ...inherited,
  PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
  npm_config_cache: join(repository, 'node_modules', '.cache', 'plugboard-packaging', 'npm'),
  npm_config_prefer_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  npm_config_loglevel: 'error',
  // A stalled registry connection is given up after 30 s and retried, instead of npm's own five
  // minutes per request.
  npm_config_fetch_timeout: '30000',
  npm_config_fetch_retries: '4',
}

async function sh(command: string, cwd: string): Promise<string> {
  try {
    // No standard input (a prompt fails at once instead of waiting), and a ceiling per command below
    // the test's, so a hang names its command.
    const { stdout } = await execute('sh', ['-c', `${command} </dev/null`], {
      cwd,
      env,
      timeout: 8 * MINUTES,
    })
    return stdout
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string }
    throw new Error(`${command} failed: ${failed.stderr || failed.stdout || failed.message}`)
  }
}

/** The guide's ```sh and ```ts blocks, in order, up to its command-line section. */
function guide(): { shell: string[]; program: string } {
  const text = readFileSync(join(repository, 'docs', 'getting-started.md'), 'utf8')
  const body = text.slice(0, text.indexOf('## Try it from the command line'))
  const blocks = (language: string) =>
    [...body.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map(
      (match) => match[1] ?? '',
    )
  const shell = blocks('sh')
    .flatMap((block) => block.split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '')
  return { shell, program: blocks('ts')[0] ?? '' }
}

/** The package.json inside a tarball. */
async function manifestOf(tarball: string): Promise<Record<string, unknown>> {
  const { stdout } = await execute('tar', ['-xzOf', tarball, 'package/package.json'])
  return JSON.parse(stdout) as Record<string, unknown>
}

describe('the published packages, installed from their tarballs', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'plugboard-packaging-'))
  const packs = join(scratch, 'packs')
  const app = join(scratch, 'app')
  const tarballs = new Map<string, string>()

  // The packages under test are not published: npm's lookups of @plugboard/* (the sandbox's
  // optional peer connectors) go to a loopback registry that has none of them, instead of a
  // round of 404s from the public registry per install.
  const unpublished = createServer((_request, response) => {
    response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not found"}')
  })

  beforeAll(async () => {
    unpublished.listen(0, '127.0.0.1')
    await once(unpublished, 'listening')
    const { port } = unpublished.address() as AddressInfo
    env['npm_config_@plugboard:registry'] = `http://127.0.0.1:${port}/`
    mkdirSync(packs)
    mkdirSync(app)
    await Promise.all(
      PUBLISHED.map(async (name) => {
        const [command, args] = pnpmCommand(['pack', '--pack-destination', packs])
        await execute(command, args, {
          cwd: join(repository, 'packages', name),
          env,
          timeout: 10 * MINUTES,
        })
      }),
    )
    for (const file of readdirSync(packs)) {
      const name = PUBLISHED.find((candidate) =>
        new RegExp(`^plugboard-${candidate}-\\d`).test(file),
      )
      if (name !== undefined) tarballs.set(`@plugboard/${name}`, join(packs, file))
    }
  }, 10 * MINUTES)

  afterAll(() => {
    unpublished.close()
    rmSync(scratch, { recursive: true, force: true })
  })

  it('packs each package with a publishable version and no workspace protocol', async () => {
    expect([...tarballs.keys()].sort()).toEqual(
      PUBLISHED.map((name) => `@plugboard/${name}`).sort(),
    )
    for (const [name, tarball] of tarballs) {
      const manifest = await manifestOf(tarball)
      expect(manifest.name).toBe(name)
      expect(manifest.version).toMatch(/^\d+\.\d+\.\d+/)
      expect(manifest.version).not.toBe('0.0.0')
      const ranges = ['dependencies', 'peerDependencies', 'optionalDependencies'].flatMap((field) =>
        Object.values((manifest[field] ?? {}) as Record<string, string>),
      )
      for (const range of ranges) expect(range).not.toMatch(/^(workspace|catalog):/)
      const { stdout: files } = await execute('tar', ['-tzf', tarball])
      expect(files).toContain('package/dist/index.js')
      expect(files).toContain('package/dist/index.d.ts')
    }
  })

  it('packs each package fit to publish: publint and are-the-types-wrong (ESM only) find nothing', async () => {
    const found = await Promise.all(
      [...tarballs].map(async ([name, tarball]) =>
        (await publishingProblems(tarball)).map((problem) => `${name}: ${problem}`),
      ),
    )
    expect(found.flat()).toEqual([])
  })

  it(
    'follows the getting-started guide: core, one connector and the sandbox are enough',
    async () => {
      const { shell, program } = guide()
      expect(shell).toContain('npm pkg set type=module')
      for (const line of shell) {
        const command = line
          .replace(/@plugboard\/[a-z-]+/g, (name) => {
            const tarball = tarballs.get(name)
            if (tarball === undefined) throw new Error(`The guide installs ${name}: not packed`)
            return tarball
          })
          .replace(/(?<=\s)typescript(?=\s|$)/, `typescript@${typescriptVersion}`)
        if (line.startsWith('node ')) {
          const output = await sh(command, app)
          expect(output.trim()).toBe('1 https://acme-test.chargebee.com/api/v1')
        } else {
          if (line.startsWith('npx tsc --noEmit')) await writeFile(join(app, 'index.ts'), program)
          await sh(command, app)
        }
      }
      const manifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as {
        type?: string
      }
      expect(manifest.type).toBe('module')
      // Only what the guide installed: no other connector came along with the sandbox.
      expect(existsSync(join(app, 'node_modules', '@plugboard', 'connector-stripe'))).toBe(false)
      expect(existsSync(join(app, 'node_modules', '@plugboard', 'connector-chargify'))).toBe(false)
    },
    20 * MINUTES,
  )

  it(
    "runs the sandbox bin, which names the connectors its default registry lacks until they're installed",
    async () => {
      const bin = join(app, 'node_modules', '.bin', 'plugboard-sandbox')
      const refused = await sh(`${bin} --port 0 --db :memory: 2>&1; echo "exit $?"`, app)
      for (const name of OTHER_CONNECTORS) expect(refused).toContain(name)
      expect(refused).not.toContain('@plugboard/connector-chargebee')
      expect(refused.trim()).toMatch(/exit 1$/)

      await sh(`npm install ${OTHER_CONNECTORS.map((name) => tarballs.get(name)).join(' ')}`, app)
      const child = spawn(bin, ['--port', '0', '--db', ':memory:'], { cwd: app, env })
      try {
        const baseUrl = await new Promise<string>((resolve, reject) => {
          let output = ''
          child.stdout.on('data', (chunk: Buffer) => {
            output += chunk.toString('utf8')
            const found = /^Base URL: (\S+)$/m.exec(output)?.[1]
            if (found !== undefined) resolve(found)
          })
          child.on('exit', (code) => reject(new Error(`the bin exited with ${code}: ${output}`)))
        })
        const response = await fetch(`${baseUrl.replace(/\/your_moms\/api-v2$/, '')}/health`)
        expect(response.status).toBe(200)
      } finally {
        child.kill('SIGTERM')
      }
    },
    10 * MINUTES,
  )
})
