import { SANDBOX_ORGANIZATION_SECRET, SANDBOX_USER_SECRET } from '@plugboard/sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CliProcess, lineAfter, startCli } from './cli-process.js'
import { cliRun } from './run-cli.js'

// Issue 17's acceptance, as a new user runs it, every step a CLI command over real sockets:
// `sandbox` in one terminal, `events listen` in another, then provision chargebee, turn its events
// on towards the listener with a signature key, trigger a change, and read the verified event.

const SIGNATURE_KEY = 'sig-KEY-acceptance-7c1e90'
const secrets = {
  PLUGBOARD_USER_SECRET: SANDBOX_USER_SECRET,
  PLUGBOARD_ORGANIZATION_SECRET: SANDBOX_ORGANIZATION_SECRET,
  PLUGBOARD_SIGNATURE_KEY: SIGNATURE_KEY,
}
const SECRET_VALUES = [SIGNATURE_KEY, 'cb_test_SecretKey_acceptance']

describe('events from the CLI: the acceptance, on `sandbox` and `events listen`', () => {
  let sandbox: CliProcess
  let listener: CliProcess
  let baseUrl: string
  let callbackUrl: string
  const printed: string[] = []
  const run = async (args: readonly string[]) => {
    const result = await cliRun([...args, '--base-url', baseUrl], secrets)
    printed.push(result.stdout, result.stderr)
    return result
  }

  beforeAll(async () => {
    sandbox = startCli(['sandbox', '--port', '0', '--db', ':memory:'])
    listener = startCli(['events', 'listen', '--signature-key-env', 'PLUGBOARD_SIGNATURE_KEY'], {
      PLUGBOARD_SIGNATURE_KEY: SIGNATURE_KEY,
    })
    baseUrl = await lineAfter(sandbox, 'plugboard sandbox listening: ')
    callbackUrl = await lineAfter(listener, 'listening for events: ')
  })
  afterAll(async () => {
    for (const child of [listener, sandbox]) child?.kill('SIGINT')
    await Promise.all([listener?.exited, sandbox?.exited])
  })

  it('provision, events enable, events trigger: the listener prints the verified event', async () => {
    const provisioned = await run([
      'provision',
      'chargebee',
      '--set',
      'site=acme-test',
      '--set',
      `username=${SECRET_VALUES[1]}`,
      '--json',
    ])
    expect(provisioned.stderr).toBe('')
    const { id } = JSON.parse(provisioned.stdout) as { id: number }

    const enabled = await run([
      'events',
      'enable',
      String(id),
      '--callback-url',
      callbackUrl,
      '--signature-key-env',
      'PLUGBOARD_SIGNATURE_KEY',
    ])
    expect(enabled.stderr).toBe('')
    expect(enabled.code).toBe(0)
    expect(enabled.stdout).toContain(`Events on for instance ${id} (the vendor's webhooks)`)
    expect(enabled.stdout).toContain(`callbacks go to ${callbackUrl}`)
    expect(enabled.stdout).toContain('signed with the key in PLUGBOARD_SIGNATURE_KEY')

    const shown = await run(['instances', 'get', String(id), '--json'])
    const { configuration } = JSON.parse(shown.stdout) as {
      configuration: Record<string, unknown>
    }
    expect(configuration['event.notification.enabled']).toBe('true')
    expect(configuration['event.notification.callback.url']).toBe(callbackUrl)

    const triggered = await run(['events', 'trigger', String(id), 'customers', 'cus_7', '--json'])
    expect(triggered.code).toBe(0)
    const { eventId } = JSON.parse(triggered.stdout) as { eventId: string }

    const line = await listener.line((text) => text.includes(eventId))
    expect(line).toBe(
      `event ${eventId} instance ${id} (chargebee): UPDATED customers/cus_7 [signature verified]`,
    )

    // Off again: the sandbox refuses to simulate a change for an instance that sends no events.
    const disabled = await run(['events', 'disable', String(id)])
    expect(disabled.code).toBe(0)
    expect(disabled.stdout).toContain(`Events off for instance ${id}`)
    const off = await run(['events', 'disable', String(id), '--json'])
    expect(JSON.parse(off.stdout)).toEqual({ instanceId: id, eventsEnabled: false })
    const refused = await run(['events', 'trigger', String(id), 'customers', 'cus_8'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/^error: .+\n$/)

    const everything = [...printed, ...listener.lines, listener.stderr(), ...sandbox.lines]
    for (const secret of SECRET_VALUES) expect(everything.join('\n')).not.toContain(secret)
  })

  it('events enable --polling takes the instance poller configuration; a change is then queued', async () => {
    const provisioned = await run([
      'provision',
      'chargebee',
      '--set',
      'site=acme-poll',
      '--set',
      'username=cb_poll_key',
      '--json',
    ])
    const { id } = JSON.parse(provisioned.stdout) as { id: number }
    const enabled = await run([
      'events',
      'enable',
      String(id),
      '--callback-url',
      callbackUrl,
      '--polling',
      '--poll-minutes',
      '5',
      '--json',
    ])
    expect(enabled.stderr).toBe('')
    expect(JSON.parse(enabled.stdout)).toEqual({
      instanceId: id,
      eventsEnabled: true,
      mode: 'polling',
      callbackUrl,
      signed: false,
      resources: ['events'],
      pollMinutes: 5,
    })
    const triggered = await run(['events', 'trigger', String(id), 'customers', 'cus_9', '--json'])
    expect(JSON.parse(triggered.stdout)).toMatchObject({ outcome: 'queued' })
  })

  it('refuses what events enable cannot use in one line each, exit code 2, before any call', async () => {
    const cases: [readonly string[], string][] = [
      [['events', 'enable', '1'], '--callback-url'],
      [['events', 'enable', '1', '--callback-url', 'ftp://x/'], 'absolute http(s) URL'],
      [['events', 'enable', 'one', '--callback-url', callbackUrl], 'positive whole number'],
      [
        ['events', 'enable', '1', '--callback-url', callbackUrl, '--poll-minutes', '5'],
        '--polling',
      ],
      [
        ['events', 'enable', '1', '--callback-url', callbackUrl, '--polling', '--poll', 'x'],
        '<resource>=<hub path>',
      ],
      [
        ['events', 'enable', '1', '--callback-url', callbackUrl, '--signature-key-env', 'NO_SUCH'],
        'NO_SUCH is not set',
      ],
    ]
    for (const [args, expected] of cases) {
      const result = await run(args)
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stderr).toContain(expected)
      expect(result.stderr.trim().split('\n')).toHaveLength(1)
    }
  })
})
