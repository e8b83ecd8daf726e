import { createServer } from 'node:http'
import { describe, expect, it } from 'vitest'
import { hasScript, onTerminal } from './terminal.js'

describe.skipIf(!hasScript)('plugboard-demo on a terminal', () => {
  it('prompts for each missing required entry, masking the secret one', async () => {
    const secret = 'cb_terminal_SecretKey_77'
    const { code, screen } = await onTerminal(
      ['--db', ':memory:', 'provision', 'chargebee', '--name', 'Typed in'],
      [
        ['site:', 'acme-test'],
        ['username:', secret],
      ],
    )
    expect(code).toBe(0)
    expect(screen).toContain('Provisioned chargebee instance')
    expect(screen).toContain('https://acme-test.chargebee.com/api/v1')
    expect(screen).toContain('▪'.repeat(secret.length))
    expect(screen).not.toContain(secret)
  })

  it('checks each answer as it is given, asking again before the next entry', async () => {
    const secret = 'cb_terminal_SecretKey_78'
    const { code, screen } = await onTerminal(
      ['--db', ':memory:', 'provision', 'chargebee', '--name', 'Pasted URL'],
      [
        ['site:', 'https://globex-test.chargebee.com'],
        // The refusal shows at once, at the site prompt, with an example made from the answer.
        ['(enter "globex-test")', `${'\u007f'.repeat(40)}globex-test`],
        ['username:', secret],
      ],
    )
    expect(code).toBe(0)
    expect(screen.indexOf('not a URL or host name')).toBeLessThan(screen.indexOf('username:'))
    expect(screen).toContain('https://globex-test.chargebee.com/api/v1')
    expect(screen).not.toContain(secret)
  })

  it('exits with 130 when the user presses Ctrl-C at a prompt', async () => {
    const { code, screen } = await onTerminal(
      ['--db', ':memory:', 'provision', 'chargebee', '--name', 'Cancelled'],
      [['site:', '\u0003']],
    )
    expect(code).toBe(130)
    expect(screen).not.toContain('Provisioned')
  })

  it('warns on a terminal when a secret is given with --set (the prompt would mask it)', async () => {
    const secret = 'cb_terminal_SecretKey_79'
    const { code, screen } = await onTerminal(
      [
        '--db',
        ':memory:',
        'provision',
        'chargebee',
        '--set',
        'site=acme-test',
        '--set',
        `username=${secret}`,
      ],
      [],
    )
    expect(code).toBe(0)
    expect(screen).toContain('warning: username is a secret on the command line')
    expect(screen).toContain('leave --set username=… out and you are asked for it, masked')
    // The terminal shows the command's own output only: the secret was typed, never printed.
    expect(screen).not.toContain(secret)
  })

  it('exits with 130 when the user presses Ctrl-C while a call is under way', async () => {
    // A platform that accepts the request and never answers: the spinner keeps spinning.
    const silent = createServer(() => {})
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const { port } = silent.address() as { port: number }
    try {
      const { code, screen } = await onTerminal(
        ['--base-url', `http://127.0.0.1:${port}/your_moms/api-v2`, 'instances', 'list'],
        [['Listing instances', '\u0003']],
        { PLUGBOARD_USER_SECRET: 'user-secret-1', PLUGBOARD_ORGANIZATION_SECRET: 'org-secret-1' },
      )
      expect(code).toBe(130)
      expect(screen).not.toContain('secret-1')
    } finally {
      silent.closeAllConnections()
      await new Promise((resolve) => silent.close(resolve))
    }
  })

  it('events listen asks for the signature key, masked, and exits 130 on Ctrl-C', async () => {
    const key = 'sig_terminal_SecretKey_99'
    const { code, screen } = await onTerminal(
      ['events', 'listen'],
      [
        ['signature key', key],
        ['Signatures are verified', '\u0003'],
      ],
    )
    expect(screen).toContain('listening for events: http://127.0.0.1:')
    expect(screen).not.toContain(key)
    expect(code).toBe(130)
  })
})
