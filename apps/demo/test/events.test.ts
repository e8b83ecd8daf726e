import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { chargebee } from '@plugboard/connector-chargebee'
import { createPlatformClient, type PlatformClient } from '@plugboard/core'
import {
  type RunningSandbox,
  SANDBOX_ORGANIZATION_SECRET,
  SANDBOX_USER_SECRET,
  startSandbox,
} from '@plugboard/sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registry } from '../src/app-registry.js'
import { cli, cliRun } from './run-cli.js'

const SIGNATURE_KEY = 'sig-KEY-cli-events-test-0042'
const env = {
  PLUGBOARD_USER_SECRET: SANDBOX_USER_SECRET,
  PLUGBOARD_ORGANIZATION_SECRET: SANDBOX_ORGANIZATION_SECRET,
}

/** A running `events listen`: its lines as they are printed, and its exit. */
function listen(args: readonly string[], extraEnv: Record<string, string>) {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [cli, 'events', 'listen', ...args],
    { env: { ...process.env, NO_COLOR: '1', ...extraEnv } },
  )
  const lines: string[] = []
  const waiters: { test: (line: string) => boolean; resolve: (line: string) => void }[] = []
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line)
    for (const waiter of waiters.filter((w) => w.test(line))) {
      waiters.splice(waiters.indexOf(waiter), 1)
      waiter.resolve(line)
    }
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return {
    child,
    lines,
    stderr: () => stderr,
    exited,
    /** The first line (printed so far or later) that passes `test`. */
    line: (test: (line: string) => boolean) =>
      new Promise<string>((resolve, reject) => {
        const seen = lines.find(test)
        if (seen !== undefined) resolve(seen)
        else {
          waiters.push({ test, resolve })
          void exited.then(() => reject(new Error(`exited first; stderr: ${stderr}`)))
        }
      }),
  }
}

describe('plugboard-demo events, against a running sandbox', () => {
  let sandbox: RunningSandbox
  let client: PlatformClient
  const target = () => ['--base-url', sandbox.baseUrl]

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, host: '127.0.0.1', database: ':memory:', registry })
    client = createPlatformClient({
      baseUrl: sandbox.baseUrl,
      userSecret: SANDBOX_USER_SECRET,
      organizationSecret: SANDBOX_ORGANIZATION_SECRET,
    })
  })
  afterAll(async () => {
    await sandbox.close()
  })

  it('listens, prints a verified line for a triggered change, lists it, and exits 130 on Ctrl-C', async () => {
    const listener = listen(['--signature-key-env', 'TEST_SIGNATURE_KEY'], {
      TEST_SIGNATURE_KEY: SIGNATURE_KEY,
    })
    try {
      const urlLine = await listener.line((line) => line.startsWith('listening for events: '))
      const url = urlLine.slice('listening for events: '.length)
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+/)
      const instance = await client.provision(chargebee, {
        name: 'Events CLI test',
        configuration: { site: 'acme-test', username: 'test_key' },
      })
      await client.instances.enableEvents(instance.id, {
        mode: 'webhook',
        callbackUrl: url,
        signatureKey: SIGNATURE_KEY,
      })

      const triggered = await cliRun(
        [
          'events',
          'trigger',
          String(instance.id),
          'customers',
          'cus_42',
          '--type',
          'CREATED',
          '--json',
          ...target(),
        ],
        env,
      )
      expect(triggered.stderr).toBe('')
      expect(triggered.code).toBe(0)
      const result = JSON.parse(triggered.stdout) as { outcome: string; eventId: string }
      expect(result.outcome).toBe('recorded')

      const eventLine = await listener.line((line) => line.startsWith('event '))
      expect(eventLine).toContain(result.eventId)
      expect(eventLine).toContain(`instance ${instance.id}`)
      expect(eventLine).toContain('CREATED customers/cus_42')
      expect(eventLine).toContain('[signature verified]')

      const listed = await cliRun(
        ['events', 'list', String(instance.id), '--json', ...target()],
        env,
      )
      expect(listed.code).toBe(0)
      const events = JSON.parse(listed.stdout) as { id: string; objects: unknown[] }[]
      expect(events.map((event) => event.id)).toEqual([result.eventId])
      expect(events[0]?.objects).toEqual([
        expect.objectContaining({
          eventType: 'CREATED',
          objectType: 'customers',
          objectId: 'cus_42',
        }),
      ])
      const text = await cliRun(['events', 'list', String(instance.id), ...target()], env)
      expect(text.stdout).toContain(`Events of instance ${instance.id} (1)`)
      expect(text.stdout).toContain('CREATED customers/cus_42')

      listener.child.kill('SIGINT')
      expect(await listener.exited).toBe(130)
      const everything = [
        ...listener.lines,
        listener.stderr(),
        triggered.stdout,
        listed.stdout,
        text.stdout,
      ].join('\n')
      for (const secret of [SIGNATURE_KEY, SANDBOX_USER_SECRET, SANDBOX_ORGANIZATION_SECRET]) {
        expect(everything).not.toContain(secret)
      }
    } finally {
      listener.child.kill('SIGKILL')
    }
  })

  it('refuses a callback signed with another key, and prints no event line for it', async () => {
    const listener = listen(['--signature-key-env', 'TEST_SIGNATURE_KEY'], {
      TEST_SIGNATURE_KEY: 'another-key',
    })
    try {
      const urlLine = await listener.line((line) => line.startsWith('listening for events: '))
      const response = await fetch(urlLine.slice('listening for events: '.length), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'elements-webhook-signature': 'sha256=AAAA',
        },
        body: '{}',
      })
      expect(response.status).toBe(401)
      listener.child.kill('SIGINT')
      expect(await listener.exited).toBe(130)
      expect(listener.stderr()).toContain('refused (401)')
      expect(listener.lines.filter((line) => line.startsWith('event '))).toEqual([])
    } finally {
      listener.child.kill('SIGKILL')
    }
  })

  it('refuses an unset --signature-key-env variable with exit code 2, naming it', async () => {
    const result = await cliRun([
      'events',
      'listen',
      '--signature-key-env',
      'PLUGBOARD_NO_SUCH_KEY',
    ])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('PLUGBOARD_NO_SUCH_KEY')
  })

  it('refuses a trigger on an unknown instance, and a bad --type, in one line each', async () => {
    const unknown = await cliRun(['events', 'trigger', '999', 'customers', 'c1', ...target()], env)
    expect(unknown.code).not.toBe(0)
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1)
    const badType = await cliRun(
      ['events', 'trigger', '1', 'customers', 'c1', '--type', 'MOVED', ...target()],
      env,
    )
    expect(badType.code).toBe(2)
    expect(badType.stderr).toContain('CREATED, UPDATED, DELETED')
  })
})
