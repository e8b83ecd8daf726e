import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  type RunningSandbox,
  SANDBOX_ORGANIZATION_SECRET,
  SANDBOX_USER_SECRET,
  startSandbox,
} from '@plugboard/sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registry } from '../src/app-registry.js'
import { cliRun, type Result } from './run-cli.js'

const API_KEY = 'test_cbSuperSecretApiKey_0042'

describe('plugboard-demo, the main job', () => {
  it('provisions a chargebee instance on the embedded sandbox and lists it (--json)', async () => {
    const result = await cliRun(['demo', '--json'])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const output = JSON.parse(result.stdout) as {
      provisioned: Record<string, unknown>
      instances: Record<string, unknown>[]
    }
    expect(output.provisioned).toMatchObject({
      connector: 'chargebee',
      name: 'Demo Chargebee billing',
      apiBaseUrl: 'https://acme-test.chargebee.com/api/v1',
      tags: ['demo', 'billing'],
    })
    expect(output.provisioned.token).toMatch(/^.{4}…\*{8}$/)
    expect(output.provisioned.configuration).toMatchObject({
      site: 'acme-test',
      username: '********',
      'pagination.type': 'offset',
    })
    expect(output.instances.map((instance) => instance.id)).toEqual([output.provisioned.id])
  })

  it('prints a readable summary without --json', async () => {
    const result = await cliRun([])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Provisioned instance')
    expect(result.stdout).toContain('https://acme-test.chargebee.com/api/v1')
    expect(result.stdout).toContain('Instances (1)')
    expect(result.stdout).not.toContain(registry.get('chargebee').sample.username)
  })
})

describe('plugboard-demo against a running sandbox (--base-url)', () => {
  let sandbox: RunningSandbox
  const env = {
    PLUGBOARD_USER_SECRET: SANDBOX_USER_SECRET,
    PLUGBOARD_ORGANIZATION_SECRET: SANDBOX_ORGANIZATION_SECRET,
  }
  const secrets = [API_KEY, SANDBOX_USER_SECRET, SANDBOX_ORGANIZATION_SECRET]
  const target = () => ['--base-url', sandbox.baseUrl]

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, host: '127.0.0.1', database: ':memory:', registry })
  })
  afterAll(async () => {
    await sandbox.close()
  })

  it('lists the connectors with their entries', async () => {
    const result = await cliRun(['connectors', '--json'])
    expect(result.code).toBe(0)
    const connectors = JSON.parse(result.stdout) as { key: string; entries: { key: string }[] }[]
    expect(connectors.map((connector) => connector.key)).toEqual(registry.keys())
    expect(connectors.map((connector) => connector.key)).toEqual(
      expect.arrayContaining(['chargebee', 'stripe', 'chargify', 'pipedrive']),
    )
    const chargebee = connectors.find((connector) => connector.key === 'chargebee')
    expect(chargebee?.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'site', required: true, secret: false }),
        expect.objectContaining({ key: 'username', required: true, secret: true }),
      ]),
    )
  })

  it('provisions, gets, lists and deletes, with no secret in any output', async () => {
    const provisioned = await cliRun(
      [
        ...target(),
        'provision',
        'chargebee',
        '--name',
        'Acme',
        '--tag',
        'eu',
        '--set',
        'site=acme-test',
        '--set',
        `username=${API_KEY}`,
        '--json',
      ],
      env,
    )
    expect(provisioned.code).toBe(0)
    const instance = JSON.parse(provisioned.stdout) as { id: number; token: string }
    expect(instance.token).toMatch(/^.{4}…\*{8}$/)

    const got = await cliRun([...target(), 'instances', 'get', String(instance.id), '--json'], env)
    expect(got.code).toBe(0)
    expect(JSON.parse(got.stdout)).toMatchObject({ id: instance.id, name: 'Acme', tags: ['eu'] })

    const listed = await cliRun([...target(), 'instances', 'list'], env)
    expect(listed.code).toBe(0)
    expect(listed.stdout).toMatch(new RegExp(`^${instance.id}\\s+chargebee\\s+Acme`, 'm'))

    const deleted = await cliRun([...target(), 'instances', 'delete', String(instance.id)], env)
    expect(deleted.code).toBe(0)
    const gone = await cliRun([...target(), 'instances', 'get', String(instance.id)], env)
    expect(gone.code).toBe(1)
    expect(gone.stderr.trim().split('\n')).toHaveLength(1)
    expect(gone.stderr).toMatch(/^error: The platform answered 404: .+ \(requestId .+\)$/m)

    for (const result of [provisioned, got, listed, deleted, gone]) {
      for (const secret of secrets) {
        expect(result.stdout + result.stderr).not.toContain(secret)
      }
    }
  })

  it.each([
    ['stripe', ['--set', 'username=sk_test_DemoStripeKey42'], 'https://api.stripe.com/v1'],
    [
      'chargify',
      ['--set', 'site=acme', '--set', 'username=DemoChargifyKey42'],
      'https://acme.chargify.com',
    ],
  ])('provisions a %s instance through the same registry lookup', async (key, sets, apiBaseUrl) => {
    const result = await cliRun(
      [...target(), 'provision', key, '--name', `Demo ${key}`, ...sets, '--json'],
      env,
    )
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const instance = JSON.parse(result.stdout) as Record<string, unknown>
    expect(instance).toMatchObject({ connector: key, name: `Demo ${key}`, apiBaseUrl })
    // Stripe's key entry is `api.key` (the platform's newest page; `username` is accepted for it).
    const keyEntry = key === 'stripe' ? 'api.key' : 'username'
    expect((instance.configuration as Record<string, unknown>)[keyEntry]).toBe('********')
    expect(result.stdout).not.toContain('DemoStripeKey42')
    expect(result.stdout).not.toContain('DemoChargifyKey42')
  })

  it('fails with exit code 2 naming every missing entry, and sends nothing', async () => {
    const result = await cliRun([...target(), 'provision', 'chargebee', '--name', 'Nothing'], env)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('site')
    expect(result.stderr).toContain('username')
    expect(result.stderr).not.toMatch(/^\s+at /m)
    const listed = await cliRun(
      [...target(), 'instances', 'list', '--json', '--search', 'Nothing'],
      env,
    )
    expect(JSON.parse(listed.stdout)).toEqual([])
  })

  it('fails with exit code 2 and the known keys for an unknown connector', async () => {
    const result = await cliRun([...target(), 'provision', 'stripey', '--set', 'a=b'], env)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('Unknown connector "stripey"')
    expect(result.stderr).toContain('chargebee')
  })

  it('never repeats a --set value given without its entry name (it may be a secret)', async () => {
    const result = await cliRun([...target(), 'provision', 'chargebee', '--set', API_KEY], env)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--set expects entry=value')
    expect(`${result.stdout}${result.stderr}`).not.toContain(API_KEY)
  })

  it('refuses a --base-url that is not an http(s) URL with exit code 2', async () => {
    const result = await cliRun(['--base-url', 'not a url', 'instances', 'list'], env)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^error: --base-url must be an absolute http\(s\) URL/)
    expect(result.stderr).not.toContain('baseUrl')
  })

  it('refuses --base-url without secrets off a TTY, naming the variables', async () => {
    const result = await cliRun([...target(), 'instances', 'list'], {
      PLUGBOARD_USER_SECRET: '',
      PLUGBOARD_ORGANIZATION_SECRET: '',
    })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('PLUGBOARD_USER_SECRET')
  })

  it('answers wrong secrets with one clear 401 line', async () => {
    const result = await cliRun([...target(), 'instances', 'list'], {
      PLUGBOARD_USER_SECRET: 'wrong-user-secret',
      PLUGBOARD_ORGANIZATION_SECRET: 'wrong-organization-secret',
    })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^error: The platform answered 401/m)
    expect(result.stderr).not.toContain('wrong-user-secret')
  })

  it.each([[[]], [['provision']], [['instances', 'list']], [['sandbox']]])(
    'prints help for %j',
    async (args) => {
      const result = await cliRun([...args, '--help'])
      expect(result.code).toBe(0)
      expect(result.stdout).toContain('Usage: plugboard-demo')
    },
  )
})

describe('plugboard-demo when the embedded sandbox cannot start', () => {
  const directory = mkdtempSync(join(tmpdir(), 'plugboard-demo-start-'))
  let taken: Server
  beforeAll(async () => {
    taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
  })
  afterAll(async () => {
    await new Promise((resolve) => taken.close(resolve))
    rmSync(directory, { recursive: true, force: true })
  })

  const expectOneLine = (result: Result) => {
    expect(result.stderr).not.toMatch(/^\s+at /m)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  }

  it('refuses a --port that is not a port with exit code 2', async () => {
    for (const port of ['abc', '99999', '-1']) {
      const result = await cliRun(['sandbox', '--db', ':memory:', '--port', port])
      expect(result.code).toBe(2)
      expect(result.stderr).toContain(`--port must be a number from 0 to 65535, got "${port}"`)
      expectOneLine(result)
    }
  })

  it('says in one line that the port is taken', async () => {
    const { port } = taken.address() as { port: number }
    const result = await cliRun(['sandbox', '--db', ':memory:', '--port', String(port)])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^error: The embedded sandbox could not start .*EADDRINUSE/)
    expectOneLine(result)
  })

  it('says in one line that --db is not a sandbox database (and gives JSON with --json)', async () => {
    const file = join(directory, 'notes.txt')
    writeFileSync(
      file,
      'this is not a SQLite database, just some text that is long enough\n'.repeat(20),
    )
    const result = await cliRun(['--db', file, 'instances', 'list'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^error: The embedded sandbox could not start .*not a database/)
    expectOneLine(result)
    const json = await cliRun(['--json', '--db', file, 'instances', 'list'])
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { kind: 'sandbox' } })
  })
})
