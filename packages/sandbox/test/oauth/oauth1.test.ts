import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RunningSandbox } from '../../src/server.js'
import {
  APP,
  api,
  appConfiguration,
  authorizationUrl,
  decide,
  type OAuthSandbox,
  startOAuthSandbox,
} from './flow.js'

let sandbox: OAuthSandbox
beforeEach(async () => {
  sandbox = await startOAuthSandbox()
})
afterEach(() => sandbox.close())

function requestToken(server: RunningSandbox, key: string, query: Record<string, string>) {
  return api(server, 'GET', `/elements/${key}/oauth/token?${new URLSearchParams(query)}`)
}

// The entries the quickbooks package takes (its page's OAuth 2.0 leftovers, authentication.type,
// scope and quickbooks.datasource, are not caller entries there).
const quickbooksConfiguration = {
  ...appConfiguration(),
  'quickbooks.minorversion': '65',
  use_sandbox: 'true',
}

function provisionQuickbooks(server: RunningSandbox, providerData: unknown) {
  return api(server, 'POST', '/instances', {
    your_mom: { key: 'quickbooks' },
    name: 'Books',
    configuration: quickbooksConfiguration,
    providerData,
  })
}

/** The whole OAuth 1.0a flow up to the callback: the request token and what the callback got. */
async function authorise(server: RunningSandbox) {
  const token = await requestToken(server, 'quickbooks', APP)
  expect(token.status).toBe(200)
  const url = await authorizationUrl(server, 'quickbooks', {
    ...APP,
    requestToken: token.body.token as string,
    state: 's1',
  })
  expect(url.status).toBe(200)
  const { location } = await decide(url.body.oauthUrl as string, 'allow')
  return { token: token.body as { token: string; secret: string }, callback: location as URL }
}

describe('OAuth 1.0a (quickbooks)', () => {
  it('gives a request token, then redirects with oauth_token, oauth_verifier and realmId', async () => {
    const { token, callback } = await authorise(sandbox.server)
    expect(token.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(token.secret).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(callback.searchParams.get('oauth_token')).toBe(token.token)
    expect(callback.searchParams.get('oauth_verifier')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(callback.searchParams.get('realmId')).toMatch(/^[1-9][0-9]{15}$/)
    expect(callback.searchParams.get('state')).toBe('s1')
  })

  it('provisions with the verifier, once; keeps the realm id; masks the token and its secret', async () => {
    const { token, callback } = await authorise(sandbox.server)
    const providerData = {
      oauth_token: token.token,
      oauth_verifier: callback.searchParams.get('oauth_verifier'),
      secret: token.secret,
    }
    const created = await provisionQuickbooks(sandbox.server, providerData)
    expect(created.status).toBe(200)
    expect(created.body.configuration).toMatchObject({
      'oauth.user.token': '********',
      'oauth.user.token.secret': '********',
      'quickbooks.realm.id': callback.searchParams.get('realmId'),
      'oauth.api.key': '********',
    })
    const replay = await provisionQuickbooks(sandbox.server, providerData)
    expect(replay.status).toBe(400)
    expect(replay.body.providerMessage).toBe('invalid_grant: the verifier was already used')
  })

  it('checks the request token and its secret against the verifier', async () => {
    const { token, callback } = await authorise(sandbox.server)
    const verifier = callback.searchParams.get('oauth_verifier')
    const wrongSecret = await provisionQuickbooks(sandbox.server, {
      oauth_token: token.token,
      oauth_verifier: verifier,
      secret: 'guess',
    })
    expect(wrongSecret.body.providerMessage).toBe(
      'invalid_grant: the request token secret does not match',
    )
    const missing = await provisionQuickbooks(sandbox.server, { oauth_verifier: verifier })
    expect(missing.status).toBe(400)
    expect(missing.body.message).toMatch(
      /^You must provide an OAuth code in order to create an instance of this element: .*missing .*oauth_token, secret/,
    )
  })

  it('needs a request token for the URL, bound to the app; 2.0 connectors have no token step', async () => {
    const without = await authorizationUrl(sandbox.server, 'quickbooks', APP)
    expect(without.status).toBe(400)
    expect(without.body.message).toMatch(/get a request token first/)
    const token = await requestToken(sandbox.server, 'quickbooks', APP)
    const otherApp = await authorizationUrl(sandbox.server, 'quickbooks', {
      ...APP,
      apiKey: 'other',
      requestToken: token.body.token as string,
    })
    expect(otherApp.status).toBe(400)
    expect(otherApp.body.message).toMatch(/another apiKey/)
    sandbox.advance(301_000)
    const expired = await authorizationUrl(sandbox.server, 'quickbooks', {
      ...APP,
      requestToken: token.body.token as string,
    })
    expect(expired.body.message).toMatch(/unknown or has expired/)
    const twoLegged = await requestToken(sandbox.server, 'sfdc', APP)
    expect(twoLegged.status).toBe(400)
    expect(twoLegged.body.message).toMatch(/OAuth 2\.0: it has no request-token step/)
  })
})
