import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  existingConnectorKeys,
  SHIPPED_CONNECTORS_FILE,
  validateConnectorKey,
  validateDisplayName,
  validateHub,
} from './config.js'
import type { PlatformDescription } from './from-platform/description.ts'
import { readDescription } from './from-platform/read.ts'
import { HAND_WRITTEN, handWrittenNotes } from './from-platform/render-docs.ts'
import { writePackage } from './from-platform/write.ts'
import { parseFromPlatform } from './gen-connector.ts'
import { createScratchWorkspace } from './scratch-workspace.js'

const root = path.resolve(import.meta.dirname, '..', '..')

describe('the connector generator prompts', () => {
  it('accept a new lowercase key and refuse an existing or malformed one', () => {
    expect(validateConnectorKey('widget', root)).toBe(true)
    expect(validateConnectorKey('recurly', root)).toBe(true)
    expect(validateConnectorKey('chargebee', root)).toMatch(/already exists/)
    for (const key of ['', 'Widget', '2widget', 'wid-get', 'wid get', 'widget/x']) {
      expect(validateConnectorKey(key, root)).toMatch(/not a valid connector key/)
    }
  })

  it('know the connectors the repository holds', () => {
    expect(existingConnectorKeys(root)).toContain('chargebee')
    expect(existingConnectorKeys(root)).not.toContain('core')
  })

  it('refuse display names and hubs that would break the generated files', () => {
    expect(validateDisplayName('Acme Pay+')).toBe(true)
    expect(validateDisplayName("O'Brien")).toMatch(/not a valid display name/)
    expect(validateDisplayName('{{x}}')).toMatch(/not a valid display name/)
    expect(validateHub('payment')).toBe(true)
    expect(validateHub('Payment')).toMatch(/not a valid hub/)
  })
})

/**
 * Runs a command in `cwd` and returns its output (stdout and stderr, colours stripped); a non-zero
 * exit throws with that output.
 */
function run(command: string, args: readonly string[], cwd: string): string {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', TURBO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  })
  const output = stripVTControlCharacters(`${result.stdout ?? ''}\n${result.stderr ?? ''}`)
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${output}`)
  }
  return output
}

describe('the --from-platform generator, without a workspace', () => {
  it('reads its arguments, leaving the template generator its own', () => {
    expect(parseFromPlatform(['--from-platform', 'pipedrive'])).toEqual({
      key: 'pipedrive',
      baseUrl: undefined,
    })
    expect(
      parseFromPlatform(['--from-platform', 'pipedrive', '--base-url', 'http://127.0.0.1:1/x']),
    ).toEqual({ key: 'pipedrive', baseUrl: 'http://127.0.0.1:1/x' })
    expect(parseFromPlatform(['--args', 'widget', 'Widget', 'crm'])).toBeUndefined()
    expect(() => parseFromPlatform(['--from-platform', 'x', '--colour'])).toThrow(/colour/)
  })

  it('reads the hand-written part of a README', () => {
    const readme = `# x\n${HAND_WRITTEN.start}\nChecked the base URL.\n${HAND_WRITTEN.end}\n`
    expect(handWrittenNotes(readme)).toBe('Checked the base URL.')
    expect(handWrittenNotes('# x')).toBeUndefined()
  })
})

describe('pnpm turbo gen connector, in a scratch workspace', () => {
  let scratch = ''
  let pipedrive: PlatformDescription

  beforeAll(async () => {
    scratch = createScratchWorkspace(root)
    // Install first, so the generator finds biome to format what it writes. Offline: everything is
    // in the store the repository's own install filled.
    run('pnpm', ['install', '--offline', '--no-frozen-lockfile'], scratch)
    pipedrive = await readDescription('pipedrive')
  })

  afterAll(() => {
    if (scratch !== '') rmSync(scratch, { recursive: true, force: true })
  })

  it('refuses an existing key and a malformed key, creating nothing', () => {
    const existing = run(
      'pnpm',
      ['turbo', 'gen', 'connector', '--args', 'chargebee', 'Chargebee', 'payment'],
      scratch,
    )
    expect(existing).toMatch(/A connector with key "chargebee" already exists/)
    const malformed = run(
      'pnpm',
      ['turbo', 'gen', 'connector', '--args', 'Wid-get', 'Widget', 'crm'],
      scratch,
    )
    expect(malformed).toMatch(/"Wid-get" is not a valid connector key/)
    expect(existsSync(path.join(scratch, 'packages', 'connector-Wid-get'))).toBe(false)
  })

  it('writes a package from the platform description, deterministically, keeping hand edits', () => {
    expect(pipedrive.configuration.map((entry) => entry.key)).toContain('pipedrive.password')
    // The scratch workspace holds the repository's own pipedrive manifest: start without it.
    rmSync(path.join(scratch, 'packages', 'connector-pipedrive'), { recursive: true, force: true })
    const { directory, created } = writePackage(scratch, 'pipedrive', pipedrive)
    expect(created).toBe(true)
    const folder = path.join(scratch, directory)
    const config = readFileSync(path.join(folder, 'src', 'config.ts'), 'utf8')
    expect(config).toMatch(
      /'pipedrive\.password': v\.pipe\([\s\S]*v\.metadata\(\{ secret: true, masked: true \}\)/,
    )
    const readme = readFileSync(path.join(folder, 'README.md'), 'utf8')
    expect(readme).toMatch(/\| `pipedrive\.email` +\| yes +\| no +\| TEXTFIELD_128 +\|/)
    expect(readme).toMatch(/\| authentication +\| custom +\| stated +\|/)
    expect(
      readFileSync(path.join(scratch, '.changeset', 'connector-pipedrive.md'), 'utf8'),
    ).toContain('"@plugboard/connector-pipedrive": minor')
    const files = [
      'README.md',
      'package.json',
      'src/config.ts',
      'src/connector.ts',
      'src/defaults.ts',
    ]
    const before = files.map((file) => readFileSync(path.join(folder, file), 'utf8'))
    // Hand edits: the overrides file and the README's hand-written part survive regeneration.
    const overrides = path.join(folder, 'src', 'overrides.ts')
    const handOverrides = readFileSync(overrides, 'utf8').replace(
      '} = {}',
      "} = { metadata: { homepage: 'https://developers.pipedrive.com' } }",
    )
    writeFileSync(overrides, handOverrides)
    writeFileSync(
      path.join(folder, 'README.md'),
      before[0]?.replace(
        /(hand-written[^\n]*-->\n)[^<]*/,
        '$1Checked: the e-mail is the login.\n',
      ) ?? '',
    )
    expect(writePackage(scratch, 'pipedrive', pipedrive).created).toBe(false)
    expect(readFileSync(overrides, 'utf8')).toBe(handOverrides)
    expect(readFileSync(path.join(folder, 'README.md'), 'utf8')).toContain(
      'Checked: the e-mail is the login.',
    )
    expect(files.slice(1).map((file) => readFileSync(path.join(folder, file), 'utf8'))).toEqual(
      before.slice(1),
    )
    const shipped = readFileSync(path.join(scratch, SHIPPED_CONNECTORS_FILE), 'utf8')
    expect(shipped.match(/connector-pipedrive/g)).toHaveLength(1)
  })

  it('scaffolds a connector package that builds, type-checks, lints and passes its tests', () => {
    const output = run(
      'pnpm',
      ['turbo', 'gen', 'connector', '--args', 'widget', 'Widget Cloud', 'crm'],
      scratch,
    )
    expect(output).toMatch(/packages\/connector-widget\/src\/connector\.ts/)
    const directory = path.join(scratch, 'packages', 'connector-widget')
    for (const file of [
      'package.json',
      'README.md',
      'tsconfig.json',
      'vitest.config.ts',
      'src/config.ts',
      'src/connector.ts',
      'src/connector.test.ts',
      'src/defaults.ts',
      'src/descriptor.ts',
      'src/index.ts',
      'src/response.ts',
    ]) {
      expect(existsSync(path.join(directory, file)), file).toBe(true)
    }
    const manifest = JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8'))
    expect(manifest.name).toBe('@plugboard/connector-widget')
    expect(manifest.peerDependencies).toEqual({ '@plugboard/core': 'workspace:^' })
    expect(readFileSync(path.join(directory, 'README.md'), 'utf8')).toMatch(/\| `username` \| yes/)
    expect(readFileSync(path.join(scratch, '.changeset', 'connector-widget.md'), 'utf8')).toContain(
      '"@plugboard/connector-widget": minor',
    )
    expect(readFileSync(path.join(directory, 'src', 'descriptor.ts'), 'utf8')).toContain(
      "hub: 'crm'",
    )
    // The new connector joins the shipped list the sandbox bin and the demo serve.
    expect(readFileSync(path.join(scratch, SHIPPED_CONNECTORS_FILE), 'utf8')).toMatch(
      /import \{ widget \} from '@plugboard\/connector-widget'[\s\S]*\bwidget,/,
    )
    const sandboxManifest = JSON.parse(
      readFileSync(path.join(scratch, 'packages', 'sandbox', 'package.json'), 'utf8'),
    )
    expect(sandboxManifest.peerDependencies['@plugboard/connector-widget']).toBe('workspace:^')
    expect(sandboxManifest.peerDependenciesMeta['@plugboard/connector-widget']).toEqual({
      optional: true,
    })
    expect(sandboxManifest.devDependencies['@plugboard/connector-widget']).toBe('workspace:^')

    run('pnpm', ['install', '--offline', '--no-frozen-lockfile'], scratch)
    const checks = run(
      'pnpm',
      [
        'turbo',
        'run',
        'build:connectors',
        'test:connectors',
        'typecheck:connectors',
        // Core comes built (see createScratchWorkspace): run these three, not its build again.
        '--only',
        '--output-logs=errors-only',
      ],
      scratch,
    )
    // The connectors built, tested and type-checked together, as the repository does it: the
    // scaffold and the package generated from the platform's description.
    expect(checks).toMatch(/Tasks: +3 successful, 3 total/)
    expect(existsSync(path.join(directory, 'dist', 'index.js'))).toBe(true)
    run(
      'pnpm',
      [
        'exec',
        'biome',
        'check',
        '--error-on-warnings',
        'packages/connector-widget',
        'packages/connector-pipedrive',
      ],
      scratch,
    )
    // The suite ran the conformance kit: break the sample and the scaffold's tests fail.
    const connector = path.join(directory, 'src', 'connector.ts')
    writeFileSync(
      connector,
      readFileSync(connector, 'utf8').replace(
        "sample: { username: 'test_widgetSampleApiKey' }",
        "sample: { username: '' }",
      ),
    )
    expect(() => run('pnpm', ['exec', 'vitest', 'run'], directory)).toThrow(
      /accepts its own sample configuration/,
    )
  })
})
