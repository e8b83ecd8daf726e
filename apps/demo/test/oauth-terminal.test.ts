import { describe, expect, it } from 'vitest'
import { hasScript, onTerminal } from './terminal.js'

// The OAuth wait on a terminal: the OAuth app's key and secret asked for (the secret masked), a
// spinner while the browser is awaited, and Ctrl-C typed at the terminal ending it with 130.

const CTRL_C = '\u0003'

describe.skipIf(!hasScript)('provision <oauth connector> on a terminal', () => {
  it('asks for the app, the secret masked; spins while waiting; Ctrl-C exits 130', async () => {
    const secret = 'terminal-oauth-secret-51'
    const { code, screen } = await onTerminal(
      ['--db', ':memory:', 'provision', 'sfdc', '--no-browser'],
      [
        ['oauth.api.key', 'terminal-client-id'],
        ['oauth.api.secret', secret],
        ['Waiting for the browser', CTRL_C],
      ],
    )
    expect(code).toBe(130)
    expect(screen).toMatch(
      /Open this URL in a browser to authorise sfdc:\s+http:\/\/127\.0\.0\.1:\d+\/oauth\/consent\?request=/,
    )
    expect(screen).toMatch(/Waiting for the browser \(http:\/\/127\.0\.0\.1:\d+\/callback\)/)
    expect(screen).toContain('Cancelled.')
    expect(screen).not.toContain(secret)
  })

  it('shows no spinner under --json, and Ctrl-C still exits 130', async () => {
    const { code, screen } = await onTerminal(
      [
        '--db',
        ':memory:',
        '--json',
        'provision',
        'sfdc',
        '--no-browser',
        '--set',
        'oauth.api.key=k',
        '--set',
        'oauth.api.secret=s',
      ],
      [['/oauth/consent?request=', CTRL_C]],
    )
    expect(code).toBe(130)
    expect(screen).not.toContain('Waiting for the browser')
    expect(screen).toContain('"kind": "cancelled"')
  })
})
