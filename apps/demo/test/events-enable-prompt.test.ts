import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CliProcess, lineAfter, startCli } from './cli-process.js'
import { cliRun } from './run-cli.js'
import { hasScript, onTerminal } from './terminal.js'

// `events enable` on a terminal without --signature-key-env asks for the key, masked; the key
// then signs the callbacks (a listener given the same key verifies them) and is shown nowhere.

const KEY = 'sig_typed_at_terminal_5b2e'

describe.skipIf(!hasScript)('events enable on a terminal', () => {
  let folder: string
  let database: string
  let listener: CliProcess
  let callbackUrl: string

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'plugboard-enable-'))
    database = join(folder, 'sandbox.db')
    listener = startCli(['events', 'listen', '--signature-key-env', 'TYPED_KEY'], {
      TYPED_KEY: KEY,
    })
    callbackUrl = await lineAfter(listener, 'listening for events: ')
    const provisioned = await cliRun([
      '--db',
      database,
      'provision',
      'chargebee',
      '--set',
      'site=acme-tty',
      '--set',
      'username=k',
    ])
    expect(provisioned.code).toBe(0)
  })
  afterAll(async () => {
    listener?.kill('SIGINT')
    await listener?.exited
    rmSync(folder, { recursive: true, force: true })
  })

  it('asks for the signature key, masked; the callbacks are then signed with it', async () => {
    const { code, screen } = await onTerminal(
      ['--db', database, 'events', 'enable', '1', '--callback-url', callbackUrl],
      [['signature key', KEY]],
    )
    expect(code).toBe(0)
    expect(screen).toContain('Events on for instance 1')
    expect(screen).toContain('Callbacks are signed (Elements-Webhook-Signature).')
    expect(screen).toContain('▪'.repeat(KEY.length))
    expect(screen).not.toContain(KEY)

    const shown = await cliRun(['--db', database, 'instances', 'get', '1', '--json'])
    expect(shown.stdout).not.toContain(KEY)
    for (const file of [database, `${database}-wal`].filter((path) => existsSync(path))) {
      expect(readFileSync(file).includes(KEY), file).toBe(false)
    }

    const triggered = await cliRun(['--db', database, 'events', 'trigger', '1', 'plans', 'p1'])
    expect(triggered.stdout).toContain('delivered to the callback URL')
    const line = await listener.line((text) => text.includes('plans/p1'))
    expect(line).toContain('[signature verified]')
  })
})
