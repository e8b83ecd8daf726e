import { inspect } from 'node:util'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createPlatformClient, type PlatformClient } from './client/create-client.js'
import { InvalidArgumentError } from './errors/invalid-argument-error.js'
import { OAuthCallbackError, OAuthDeniedError, OAuthStateError } from './errors/oauth-errors.js'
import { PlatformError, ResponseValidationError } from './errors/request-errors.js'
import { MISSING_OAUTH_CODE_MESSAGE } from './protocol/oauth-paths.js'
import { createRegistry } from './registry.js'
import { acme } from './test-support/connectors.js'
import { clientOptions } from './test-support/fixtures.js'
import { booksy, crmly, salesy } from './test-support/oauth-connectors.js'
import {
  allow,
  deny,
  OAUTH_CODE,
  OAUTH_VERIFIER,
  oauthPlatform,
  REQUEST_TOKEN_SECRET,
} from './test-support/oauth-platform.js'
import { startTestServer, type TestServer } from './test-support/server.js'

const app = {
  apiKey: 'client-id-1',
  apiSecret: 'client-SECRET-s3cr',
  callbackUrl: 'http://127.0.0.1:9/oauth/callback',
}
const configuration = {
  'oauth.api.key': app.apiKey,
  'oauth.api.secret': app.apiSecret,
  'oauth.callback.url': app.callbackUrl,
}

let server: TestServer
let client: PlatformClient

beforeAll(async () => {
  server = await startTestServer()
  server.handle(oauthPlatform(server.origin))
  client = createPlatformClient(clientOptions(server.baseUrl))
})
afterAll(() => server.close())
beforeEach(() => {
  server.requests.length = 0
})

/** The error `action` throws (the test fails when it throws none). */
async function thrown(action: () => unknown): Promise<unknown> {
  try {
    await action()
  } catch (error) {
    return error
  }
  throw new Error('expected an error')
}

describe('client.oauth.start (OAuth 2.0)', () => {
  it('asks for the authorisation URL with the app, the URL parameters and a random state', async () => {
    const flow = await client.oauth.start(salesy, { ...app, siteAddress: 'acme.my.salesy.test' })
    expect(server.requests).toHaveLength(1)
    const [sent] = server.requests
    expect(sent?.path).toBe('/your_moms/api-v2/elements/salesy/oauth/url')
    expect(Object.fromEntries(sent?.query ?? [])).toEqual({
      ...app,
      siteAddress: 'acme.my.salesy.test',
      state: flow.state,
    })
    expect(flow.state).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(flow).toMatchObject({ kind: 'oauth2', connector: 'salesy' })
    expect(new URL(flow.url).searchParams.get('state')).toBe(flow.state)
    const again = await client.oauth.start(salesy, app)
    expect(again.state).not.toBe(flow.state)
  })

  it('sends the state it is given', async () => {
    const flow = await client.oauth.start(salesy, { ...app, state: 'my-state' })
    expect(flow.state).toBe('my-state')
    expect(server.requests[0]?.query.get('state')).toBe('my-state')
  })

  it('refuses a URL parameter the connector does not take, and a bad app, sending nothing', async () => {
    const scope = await thrown(() => client.oauth.start(salesy, { ...app, scope: 'all' }))
    expect(InvalidArgumentError.isInstance(scope) && scope.argument).toBe('scope')
    expect(String(scope)).toMatch(/takes no scope \(it takes siteAddress, state\)/)
    const url = await thrown(() => client.oauth.start(salesy, { ...app, callbackUrl: 'nowhere' }))
    expect(InvalidArgumentError.isInstance(url) && url.argument).toBe('callbackUrl')
    const secret = await thrown(() => client.oauth.start(salesy, { ...app, apiSecret: '' }))
    expect(InvalidArgumentError.isInstance(secret) && secret.argument).toBe('apiSecret')
    expect(server.requests).toHaveLength(0)
  })

  it('passes any URL parameter on for a connector that does not declare them', async () => {
    const described = { ...salesy, authorization: { kind: 'oauth2' as const } }
    await client.oauth.start(described, { ...app, scope: 'all', siteAddress: 'acme.test' })
    expect(server.requests[0]?.query.get('scope')).toBe('all')
  })

  it('refuses a configuration-only connector', async () => {
    const error = await thrown(() => client.oauth.start(acme, app))
    expect(InvalidArgumentError.isInstance(error)).toBe(true)
    expect(String(error)).toMatch(/acme authorises with its configuration alone/)
  })

  it('starts the OAuth choice of a connector whose authorisation is a choice', async () => {
    const flow = await client.oauth.start(crmly, { ...app, scope: 'contacts' })
    expect(flow.kind).toBe('oauth2')
    expect(server.requests[0]?.query.get('scope')).toBe('contacts')
  })

  it('starts by key: from the registry, else from the platform descriptor', async () => {
    const registered = createPlatformClient({
      ...clientOptions(server.baseUrl),
      registry: createRegistry().register(booksy),
    })
    const flow = await registered.oauth.start('booksy', app)
    expect(flow.kind).toBe('oauth1')
    expect(flow.callbackValues).toEqual(['realmId'])
    server.requests.length = 0
    const unregistered = await client.oauth.start('booksy', app)
    expect(unregistered.kind).toBe('oauth1')
    expect(server.requests.map((request) => request.path.split('/').slice(3).join('/'))).toEqual([
      'elements/booksy',
      'elements/booksy/oauth/token',
      'elements/booksy/oauth/url',
    ])
    const basic = await thrown(() => client.oauth.start('acme', app))
    expect(String(basic)).toMatch(/acme authenticates with basic on the platform/)
  })

  it('refuses a malformed answer with a typed error, never a TypeError', async () => {
    server.handle(() => ({ json: { element: 'salesy', oauthUrl: 'not a url' } }))
    try {
      const bad = await thrown(() => client.oauth.start(salesy, app))
      expect(ResponseValidationError.isInstance(bad)).toBe(true)
      expect(String(bad)).not.toContain(app.apiSecret)
      server.handle(() => ({ json: { token: 'rt' } }))
      const token = await thrown(() => client.oauth.start(booksy, app))
      expect(ResponseValidationError.isInstance(token) && token.fieldPath).toBe('secret')
    } finally {
      server.handle(oauthPlatform(server.origin))
    }
  })
})

describe('client.oauth.complete', () => {
  it('turns the Allow callback into providerData, hidden from util.inspect', async () => {
    const flow = await client.oauth.start(salesy, app)
    const data = client.oauth.complete(flow, allow(flow.url))
    expect(data).toEqual({ code: OAUTH_CODE })
    expect(inspect(data)).not.toContain(OAUTH_CODE)
    expect(JSON.stringify(data)).toBe(JSON.stringify({ code: OAUTH_CODE }))
    const query = new URL(allow(flow.url)).search
    expect(client.oauth.complete(flow, query)).toEqual({ code: OAUTH_CODE })
    expect(client.oauth.complete(flow, new URL(allow(flow.url)).searchParams)).toEqual({
      code: OAUTH_CODE,
    })
  })

  it('refuses a callback whose state is another flow’s or missing, without showing either', async () => {
    const flow = await client.oauth.start(salesy, app)
    const other = await client.oauth.start(salesy, app)
    const forged = thrownSync(() => client.oauth.complete(flow, allow(other.url)))
    expect(OAuthStateError.isInstance(forged)).toBe(true)
    expect(forged).toMatchObject({ connectorKey: 'salesy', parameter: 'state', present: true })
    expect(String(forged)).not.toContain(flow.state)
    expect(String(forged)).not.toContain(other.state)
    expect(String(forged)).not.toContain(OAUTH_CODE)
    const bare = new URL(allow(flow.url))
    bare.searchParams.delete('state')
    const missing = thrownSync(() => client.oauth.complete(flow, bare))
    expect(missing).toMatchObject({ parameter: 'state', present: false })
    expect(client.oauth.complete(flow, bare, { checkState: false })).toEqual({ code: OAUTH_CODE })
  })

  it('reports Deny as OAuthDeniedError and a vendor error as OAuthCallbackError', async () => {
    const flow = await client.oauth.start(salesy, app)
    expect(
      OAuthDeniedError.isInstance(thrownSync(() => client.oauth.complete(flow, deny(flow.url)))),
    ).toBe(true)
    const failed = thrownSync(() =>
      client.oauth.complete(
        flow,
        `?error=server_error&error_description=try+later&state=${flow.state}`,
      ),
    )
    expect(OAuthCallbackError.isInstance(failed)).toBe(true)
    expect(failed).toMatchObject({ error: 'server_error', description: 'try later', missing: [] })
  })

  it('reports a callback without a code', async () => {
    const flow = await client.oauth.start(salesy, app)
    const error = thrownSync(() => client.oauth.complete(flow, `?state=${flow.state}`))
    expect(OAuthCallbackError.isInstance(error) && error.missing).toEqual(['code'])
    expect(String(error)).toMatch(/lacks "code"/)
  })

  it('refuses what is not a flow', () => {
    const error = thrownSync(() => client.oauth.complete({} as never, '?code=x'))
    expect(InvalidArgumentError.isInstance(error) && error.argument).toBe('flow')
  })
})

describe('OAuth 1.0a', () => {
  it('gets a request token first, then completes with the verifier, the secret and realmId', async () => {
    const flow = await client.oauth.start(booksy, app)
    expect(server.requests.map((request) => request.path.split('/').pop())).toEqual([
      'token',
      'url',
    ])
    expect(server.requests[1]?.query.get('requestToken')).toBe('rt-booksy-1')
    expect(flow.requestToken?.token).toBe('rt-booksy-1')
    expect(inspect(flow)).not.toContain(REQUEST_TOKEN_SECRET)
    expect(inspect(flow.requestToken)).not.toContain(REQUEST_TOKEN_SECRET)
    const data = client.oauth.complete(flow, allow(flow.url, { realmId: '4620816365' }))
    expect(data).toEqual({
      oauth_token: 'rt-booksy-1',
      oauth_verifier: OAUTH_VERIFIER,
      secret: REQUEST_TOKEN_SECRET,
      realmId: '4620816365',
    })
    expect(inspect(data)).not.toContain(REQUEST_TOKEN_SECRET)
  })

  it('refuses a callback for another request token, and one without realmId', async () => {
    const flow = await client.oauth.start(booksy, app)
    const forged = new URL(allow(flow.url, { realmId: '1' }))
    forged.searchParams.set('oauth_token', 'rt-someone-else')
    expect(thrownSync(() => client.oauth.complete(flow, forged))).toMatchObject({
      name: 'OAuthStateError',
      parameter: 'oauth_token',
    })
    const error = thrownSync(() => client.oauth.complete(flow, allow(flow.url)))
    expect(OAuthCallbackError.isInstance(error) && error.missing).toEqual(['realmId'])
  })

  it('provisions with the 1.0a providerData', async () => {
    const flow = await client.oauth.start(booksy, app)
    const providerData = client.oauth.complete(flow, allow(flow.url, { realmId: '7' }))
    server.requests.length = 0
    const instance = await client.provision(booksy, { name: 'Books', configuration, providerData })
    expect(instance.configuration['oauth.user.token']).toBe('********')
    expect(server.requests[0]?.json).toMatchObject({ providerData: { ...providerData } })
  })
})

describe('provisioning and re-authorising with providerData', () => {
  it('provisions an OAuth 2.0 connector with the code', async () => {
    const flow = await client.oauth.start(salesy, app)
    const providerData = client.oauth.complete(flow, allow(flow.url))
    server.requests.length = 0
    const instance = await client.provision(salesy, { name: 'Sales', configuration, providerData })
    expect(instance.token).toBeTruthy()
    expect(server.requests[0]?.json).toMatchObject({ providerData: { code: OAUTH_CODE } })
  })

  it('refuses, before sending, an OAuth provisioning without providerData and a configuration-only one with it', async () => {
    const missing = await thrown(() =>
      client.provision(salesy, { name: 'n', configuration } as never),
    )
    expect(InvalidArgumentError.isInstance(missing) && missing.argument).toBe('providerData')
    expect(String(missing)).toMatch(/salesy authorises with OAuth 2\.0/)
    const extra = await thrown(() =>
      client.provision(acme, {
        name: 'n',
        configuration: { site: 'acme-test', apiKey: 'acme_key_1' },
        providerData: { code: 'x' },
      } as never),
    )
    expect(InvalidArgumentError.isInstance(extra) && extra.argument).toBe('providerData')
    const apiKey = await thrown(() =>
      client.provision(crmly, {
        name: 'n',
        configuration: { 'authentication.type': 'apiKey', 'crmly.apikey': 'k' },
        providerData: { code: 'x' },
      } as never),
    )
    expect(String(apiKey)).toMatch(/configuration alone with this choice/)
    expect(server.requests).toHaveLength(0)
  })

  it('provisions the API-key choice without providerData', async () => {
    await client.provision(crmly, {
      name: 'n',
      configuration: { 'authentication.type': 'apiKey', 'crmly.apikey': 'crmly-key-1' },
    })
    expect(server.requests[0]?.json).not.toHaveProperty('providerData')
  })

  it('passes on the platform’s refusal of a missing code, and never shows a refused code', async () => {
    const missing = await thrown(() =>
      client.provision(salesy, {
        name: 'n',
        configuration,
        providerData: { code: 'replayed-SECRET-code' },
      }),
    )
    expect(PlatformError.isInstance(missing) && missing.status).toBe(400)
    expect(String(missing)).not.toContain('replayed-SECRET-code')
    expect(String(missing)).not.toContain(app.apiSecret)
    server.handle(() => ({ status: 400, json: { message: MISSING_OAUTH_CODE_MESSAGE } }))
    try {
      const refused = await thrown(() =>
        client.provision(salesy, { name: 'n', configuration, providerData: { code: 'code-2' } }),
      )
      expect(String(refused)).toContain(MISSING_OAUTH_CODE_MESSAGE)
    } finally {
      server.handle(oauthPlatform(server.origin))
    }
  })

  it('re-authorises with PATCH { providerData }, and update and patch pass providerData on', async () => {
    const flow = await client.oauth.start(salesy, app)
    const providerData = client.oauth.complete(flow, allow(flow.url))
    server.requests.length = 0
    const instance = await client.instances.reauthorize(12, providerData)
    expect(instance.id).toBe(12)
    expect(server.requests[0]).toMatchObject({
      method: 'PATCH',
      path: '/your_moms/api-v2/instances/12',
    })
    expect(server.requests[0]?.json).toEqual({ providerData: { code: OAUTH_CODE } })
    await client.instances.patch(12, { providerData })
    expect(server.requests[1]?.json).toEqual({ providerData: { code: OAUTH_CODE } })
    const bad = await thrown(() => client.instances.reauthorize(12, { code: '' } as never))
    expect(InvalidArgumentError.isInstance(bad) && bad.argument).toBe('providerData')
    const empty = await thrown(() => client.instances.reauthorize(12, {} as never))
    expect(String(empty)).toMatch(/needs a code .* or oauth_token, oauth_verifier and secret/)
  })
})

/** The error a synchronous `action` throws. */
function thrownSync(action: () => unknown): unknown {
  try {
    action()
  } catch (error) {
    return error
  }
  throw new Error('expected an error')
}
