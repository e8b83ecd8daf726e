import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cliRun } from './run-cli.js'

const SECRET = 'sk_live_NeverPrintThis_0042'

const expectOneLine = (stderr: string) => {
  expect(stderr.trim().split('\n')).toHaveLength(1)
  expect(stderr).not.toMatch(/^\s+at /m)
}

describe('plugboard-demo command line', () => {
  it('names an unknown command as such (not as an argument of demo) and lists the commands', async () => {
    const result = await cliRun(['frobnicate'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(
      /^error: Unknown command "frobnicate"\. Commands: demo, connectors/,
    )
    expect(result.stderr).not.toContain("'demo'")
    expectOneLine(result.stderr)
  })

  it('does not repeat an unknown word that does not look like a command (it may be a secret)', async () => {
    const result = await cliRun([SECRET])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('Unknown command (not shown)')
    expect(result.stdout + result.stderr).not.toContain(SECRET)
  })

  it('says which subcommands "instances" takes', async () => {
    for (const args of [['instances'], ['instances', 'frob']]) {
      const result = await cliRun(args)
      expect(result.code).toBe(2)
      expect(result.stderr).toContain('"instances" takes one of these commands: list, get, delete')
    }
  })

  it('hints --set entry=value for "--set username <key>", never printing the key', async () => {
    const result = await cliRun([
      '--db',
      ':memory:',
      'provision',
      'chargebee',
      '--set',
      'site=acme-test',
      '--set',
      'username',
      SECRET,
    ])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('write --set username=… with "=" where the space is')
    expect(result.stdout + result.stderr).not.toContain(SECRET)
    expectOneLine(result.stderr)
  })

  it('refuses an extra argument to provision without printing it', async () => {
    const result = await cliRun(['provision', 'chargebee', '--set', 'site=acme-test', SECRET])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('1 more argument given (not shown)')
    expect(result.stderr).toContain('--set site=…')
    expect(result.stdout + result.stderr).not.toContain(SECRET)
  })

  it('names an unknown option without its value', async () => {
    const result = await cliRun(['connectors', `--set=username=${SECRET}`])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^error: Unknown option --set for plugboard-demo connectors/)
    expect(result.stdout + result.stderr).not.toContain(SECRET)
  })

  it('names an option no command knows before anything else, and never its value', async () => {
    const result = await cliRun(['--api-key', SECRET, 'connectors'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^error: Unknown option --api-key; see plugboard-demo --help\.$/m)
    expect(result.stdout + result.stderr).not.toContain(SECRET)
  })

  it.each([
    [['provision'], 'plugboard-demo provision needs <key>'],
    [['instances', 'get', '1', '2'], 'takes 1 argument(s); 1 more given (not shown)'],
    [['provision', 'chargebee', '--name'], '--name needs a value'],
    [['connectors', '--json=yes'], '--json takes no value'],
  ])('refuses %j with exit code 2: %s', async (args, message) => {
    const result = await cliRun(args)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(message)
    expectOneLine(result.stderr)
  })

  it('prints the version', async () => {
    const { version } = JSON.parse(
      readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
    ) as { version: string }
    for (const flag of ['--version', '-V']) {
      const result = await cliRun([flag])
      expect(result.code).toBe(0)
      expect(result.stdout).toBe(`${version}\n`)
    }
  })

  it('lists every command and the secrets variables in the help', async () => {
    const result = await cliRun(['--help'])
    expect(result.code).toBe(0)
    for (const command of ['demo', 'connectors', 'provision <key>', 'instances list', 'sandbox']) {
      expect(result.stdout).toContain(`\n  ${command}`)
    }
    expect(result.stdout).toContain('PLUGBOARD_USER_SECRET')
    expect(result.stdout).toContain('PLUGBOARD_ORGANIZATION_SECRET')
  })

  it('refuses a --db in a folder that does not exist, and does not create it', async () => {
    const folder = `/nonexistent-plugboard-${process.pid}/dir`
    const result = await cliRun(['--db', `${folder}/x.db`, 'instances', 'list'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`the folder ${folder} does not exist`)
    expect(() => readFileSync(folder)).toThrow(/ENOENT/)
  })
})
