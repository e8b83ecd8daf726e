import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const execute = promisify(execFile)
const repository = fileURLToPath(new URL('../../../', import.meta.url))
const read = (path: string) => readFileSync(`${repository}${path}`, 'utf8')

describe("the repository's own scripts, as a newcomer runs them", () => {
  it('checks engines against the Node the scripts run on (no Unsupported engine warnings)', () => {
    const manifest = JSON.parse(read('package.json')) as { devDependencies: Record<string, string> }
    const node = /^npm:node@(\S+)$/.exec(manifest.devDependencies.node ?? '')?.[1]
    expect(node).toBeDefined()
    expect(read('pnpm-workspace.yaml')).toMatch(new RegExp(`^nodeVersion: ${node}$`, 'm'))
  })

  it(
    '`pnpm cli` runs the CLI after a build that prints nothing when it is cached',
    async () => {
      // A first run builds whatever is not built yet (nothing, when turbo built the packages).
      await execute(process.execPath, ['scripts/cli.ts', '--version'], {
        cwd: repository,
        timeout: 10 * 60_000,
      })
      const { stdout, stderr } = await execute(process.execPath, ['scripts/cli.ts', '--version'], {
        cwd: repository,
        timeout: 10 * 60_000,
      })
      const { version } = JSON.parse(read('apps/demo/package.json')) as { version: string }
      expect(stdout).toBe(`${version}\n`)
      // Everything is cached now: no turbo banner, task summary or build line.
      expect(stderr).toBe('')
    },
    10 * 60_000,
  )

  it(
    '`pnpm cli` passes the exit code of the CLI through',
    async () => {
      const failed = await execute(process.execPath, ['scripts/cli.ts', 'frobnicate'], {
        cwd: repository,
        timeout: 10 * 60_000,
      }).catch((error: { code: number; stderr: string }) => error)
      expect('code' in failed && failed.code).toBe(2)
      expect(failed.stderr).toContain('Unknown command "frobnicate"')
    },
    10 * 60_000,
  )
})
