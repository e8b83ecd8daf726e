import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SandboxStore } from '../../src/store.js'
import {
  APP,
  api,
  appConfiguration,
  authorizationUrl,
  codeFor,
  decide,
  type OAuthSandbox,
  provisionZendesk,
  startOAuthSandbox,
} from './flow.js'

const directory = mkdtempSync(join(tmpdir(), 'plugboard-oauth-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

let sandbox: OAuthSandbox
beforeEach(async () => {
  sandbox = await startOAuthSandbox({ database: join(directory, `db-${Math.random()}.db`) })
})
afterEach(() => sandbox.close())

/** The instance's stored configuration, secrets opened (read through the store, not HTTP). */
function stored(database: string, id: number): Record<string, string | null> {
  const store = new SandboxStore(database, {
    secretKeys: () => new Set(['oauth.user.token', 'oauth.user.refresh_token', 'oauth.api.key']),
  })
  try {
    return store.getById(id)?.configuration ?? {}
  } finally {
    store.close()
  }
}

describe('re-authorising an instance', () => {
  for (const method of ['PUT', 'PATCH'] as const) {
    it(`${method} with providerData replaces the vendor tokens and never echoes it`, async () => {
      const created = await provisionZendesk(sandbox.server, {
        code: await codeFor(sandbox.server, 'zendesk'),
      })
      const id = created.body.id as number
      sandbox.advance(60_000)
      const code = await codeFor(sandbox.server, 'zendesk')
      const body =
        method === 'PUT' ? { ...created.body, providerData: { code } } : { providerData: { code } }
      const updated = await api(sandbox.server, method, `/instances/${id}`, body)
      expect(updated.status).toBe(200)
      expect(updated.body).not.toHaveProperty('providerData')
      expect(updated.text).not.toContain(code)
      const configuration = updated.body.configuration as Record<string, string>
      expect(configuration['oauth.user.token']).toBe('********')
      expect(configuration['oauth.user.refresh_time']).toBe(
        String(Date.parse('2026-01-01T00:01:00Z')),
      )
      const replay = await api(sandbox.server, method, `/instances/${id}`, body)
      expect(replay.status).toBe(400)
      expect(replay.body.providerMessage).toBe('invalid_grant: the code was already used')
    })
  }

  it('keeps the tokens on an update without providerData (a GET answer sent back as it is)', async () => {
    const database = join(directory, 'keep.db')
    const server = await startOAuthSandbox({ database })
    try {
      const created = await provisionZendesk(server.server, {
        code: await codeFor(server.server, 'zendesk'),
      })
      const id = created.body.id as number
      const before = stored(database, id)
      expect(before['oauth.user.token']).toMatch(/^[A-Za-z0-9_-]{43}$/)
      const got = await api(server.server, 'GET', `/instances/${id}`)
      expect((await api(server.server, 'PUT', `/instances/${id}`, got.body)).status).toBe(200)
      const patched = await api(server.server, 'PATCH', `/instances/${id}`, {
        configuration: { 'zendesk.subdomain': 'acme2', 'oauth.user.token': 'forged' },
      })
      expect(patched.status).toBe(200)
      const after = stored(database, id)
      expect(after['oauth.user.token']).toBe(before['oauth.user.token'])
      expect(after['oauth.user.refresh_token']).toBe(before['oauth.user.refresh_token'])
      expect(after['zendesk.subdomain']).toBe('acme2')
    } finally {
      await server.close()
    }
  })
})

describe('a connector whose authentication.type is a choice (hubspotcrm)', () => {
  const base = { 'create.bulk.properties': 'false' }

  it('needs no code for the apiKey choice, but its API key', async () => {
    const missing = await api(sandbox.server, 'POST', '/instances', {
      your_mom: { key: 'hubspotcrm' },
      name: 'CRM',
      configuration: { ...base, 'authentication.type': 'apiKey' },
    })
    expect(missing.status).toBe(400)
    expect(missing.body.message).toMatch(/missing[^.]*hubspot\.authorization\.apikey/)
    const created = await api(sandbox.server, 'POST', '/instances', {
      your_mom: { key: 'hubspotcrm' },
      name: 'CRM',
      configuration: {
        ...base,
        'authentication.type': 'apiKey',
        'hubspot.authorization.apikey': 'hk',
      },
    })
    expect(created.status).toBe(200)
    expect(created.body.configuration).not.toHaveProperty('oauth.user.token')
  })

  it('needs the code for the oauth2 choice, and names a choice it does not know', async () => {
    // The hubspotcrm package requires authentication.type (its page's table says so).
    for (const choice of [{ 'authentication.type': 'oauth2' }]) {
      const answer = await api(sandbox.server, 'POST', '/instances', {
        your_mom: { key: 'hubspotcrm' },
        name: 'CRM',
        configuration: { ...base, ...appConfiguration(), ...choice },
      })
      expect(answer.body.message).toBe(
        'You must provide an OAuth code in order to create an instance of this element',
      )
    }
    const code = await codeFor(sandbox.server, 'hubspotcrm', { scope: 'contacts' })
    const created = await api(sandbox.server, 'POST', '/instances', {
      your_mom: { key: 'hubspotcrm' },
      name: 'CRM',
      configuration: { ...base, ...appConfiguration(), 'authentication.type': 'oauth2' },
      providerData: { code },
    })
    expect(created.status).toBe(200)
    const unknown = await api(sandbox.server, 'POST', '/instances', {
      your_mom: { key: 'hubspotcrm' },
      name: 'CRM',
      configuration: { ...base, 'authentication.type': 'basic' },
    })
    expect(unknown.status).toBe(400)
    expect(unknown.body.message).toMatch(/must be one of "?oauth2"?, "?apiKey"?/)
  })
})

describe('at rest and on bad input', () => {
  it('keeps no code, verifier, token, state or app secret in clear in the database file', async () => {
    const database = join(directory, 'scan.db')
    const server = await startOAuthSandbox({ database })
    const seen: string[] = [APP.apiKey, APP.apiSecret]
    try {
      const url = await authorizationUrl(server.server, 'zendesk', { ...APP, state: 'state-Zq81' })
      seen.push(
        'state-Zq81',
        new URL(url.body.oauthUrl as string).searchParams.get('request') ?? '',
      )
      const pending = await authorizationUrl(server.server, 'zendesk', APP)
      seen.push(new URL(pending.body.oauthUrl as string).searchParams.get('request') ?? '')
      const { location } = await decide(url.body.oauthUrl as string, 'allow')
      const code = location?.searchParams.get('code') ?? ''
      seen.push(code, await codeFor(server.server, 'zendesk'))
      const token = await api(
        server.server,
        'GET',
        `/elements/quickbooks/oauth/token?${new URLSearchParams(APP)}`,
      )
      seen.push(token.body.token as string, token.body.secret as string)
      const created = await provisionZendesk(server.server, { code })
      expect(created.status).toBe(200)
      const opened = stored(database, created.body.id as number)
      seen.push(opened['oauth.user.token'] as string, opened['oauth.user.refresh_token'] as string)
    } finally {
      await server.close()
    }
    const bytes = Buffer.concat(
      [database, `${database}-wal`, `${database}-shm`]
        .filter((file) => existsSync(file))
        .map((file) => readFileSync(file)),
    )
    expect(seen.every((value) => value.length >= 10)).toBe(true)
    for (const value of seen) expect(bytes.includes(Buffer.from(value, 'utf8'))).toBe(false)
  })

  it('never answers 500 to malformed OAuth input', async () => {
    const server = sandbox.server
    const long = 'x'.repeat(5000)
    const calls: [string, string, unknown?][] = [
      ['GET', `/elements/zendesk/oauth/url?apiKey=${long}&apiSecret=s&callbackUrl=http://a.test`],
      ['GET', '/elements/zendesk/oauth/url?apiKey=k&apiSecret=s&callbackUrl=%E0%A4%A'],
      ['GET', '/elements/999999/oauth/url?apiKey=k&apiSecret=s&callbackUrl=http://a.test'],
      ['POST', '/elements/zendesk/oauth/url'],
      [
        'GET',
        '/elements/quickbooks/oauth/url?apiKey=k&apiSecret=s&callbackUrl=http://a.test&requestToken=nope',
      ],
      [
        'POST',
        '/instances',
        { your_mom: { key: 'zendesk' }, name: 'x', configuration: {}, providerData: 'code' },
      ],
      [
        'POST',
        '/instances',
        { your_mom: { key: 'zendesk' }, name: 'x', configuration: {}, providerData: { code: 42 } },
      ],
      [
        'POST',
        '/instances',
        {
          your_mom: { key: 'zendesk' },
          name: 'x',
          configuration: appConfiguration(),
          providerData: { code: ['a'] },
        },
      ],
      [
        'POST',
        '/instances',
        {
          your_mom: { key: 'zendesk' },
          name: 'x',
          configuration: { 'zendesk.subdomain': 'a', ...appConfiguration() },
          providerData: { code: long },
        },
      ],
      ['PATCH', '/instances/1', { providerData: null }],
    ]
    for (const [method, path, body] of calls) {
      const answer = await api(server, method, path, body)
      expect(answer.status, `${method} ${path}`).toBeGreaterThanOrEqual(400)
      expect(answer.status, `${method} ${path}`).toBeLessThan(500)
      expect(answer.body.message, `${method} ${path}`).toEqual(expect.any(String))
    }
    const consent = `${server.url}/oauth/consent`
    const forms = [
      ['', 'text/plain'],
      ['request=&decision=allow', 'application/x-www-form-urlencoded'],
      [`request=${long}&decision=allow`, 'application/x-www-form-urlencoded'],
      ['request=abc&decision=maybe', 'application/x-www-form-urlencoded'],
      ['%%%', 'application/x-www-form-urlencoded'],
    ]
    for (const [body, type] of forms) {
      const response = await fetch(consent, {
        method: 'POST',
        headers: { 'content-type': type as string },
        body,
        redirect: 'manual',
      })
      expect(response.status, body).toBeGreaterThanOrEqual(400)
      expect(response.status, body).toBeLessThan(500)
    }
    for (const query of ['', '?request=', `?request=${long}`, '?request=%FF']) {
      expect((await fetch(`${consent}${query}`)).status).toBe(400)
    }
    expect((await fetch(consent, { method: 'DELETE' })).status).toBe(405)
  })
})
