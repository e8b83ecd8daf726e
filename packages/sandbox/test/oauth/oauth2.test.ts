import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  APP,
  api,
  appConfiguration,
  authorizationUrl,
  codeFor,
  consentPage,
  decide,
  type OAuthSandbox,
  provisionZendesk,
  startOAuthSandbox,
  zendeskConfiguration,
} from './flow.js'

const MISSING_CODE = 'You must provide an OAuth code in order to create an instance of this element'

let sandbox: OAuthSandbox
beforeEach(async () => {
  sandbox = await startOAuthSandbox()
})
afterEach(() => sandbox.close())

describe('the authorisation URL (OAuth 2.0)', () => {
  it('answers the connector key and a consent page on the sandbox origin', async () => {
    const answer = await authorizationUrl(sandbox.server, 'sfdc', {
      ...APP,
      state: 'sfdc',
      siteAddress: 'acme.my.salesforce.test',
    })
    expect(answer.status).toBe(200)
    expect(answer.body.element).toBe('sfdc')
    const oauthUrl = new URL(answer.body.oauthUrl as string)
    expect(oauthUrl.origin).toBe(sandbox.server.url)
    expect(oauthUrl.pathname).toBe('/oauth/consent')
    // Nothing of the app travels in the URL: an opaque request id only.
    expect(answer.text).not.toContain(APP.apiKey)
    expect(answer.text).not.toContain(APP.apiSecret)
  })

  it('needs the platform header, and names every missing parameter', async () => {
    const bare = await fetch(`${sandbox.server.baseUrl}/elements/sfdc/oauth/url`)
    expect(bare.status).toBe(401)
    const missing = await authorizationUrl(sandbox.server, 'sfdc', { apiKey: 'k' })
    expect(missing.status).toBe(400)
    expect(missing.body.message).toMatch(/missing apiSecret, callbackUrl/)
    const badCallback = await authorizationUrl(sandbox.server, 'sfdc', {
      ...APP,
      callbackUrl: 'javascript:alert(1)',
    })
    expect(badCallback.status).toBe(400)
    expect(badCallback.body.message).toMatch(/callbackUrl must be an absolute http/)
  })

  it('takes the connector by its catalogue id too, under either collection and API root', async () => {
    const element = await api(sandbox.server, 'GET', '/elements/zendesk')
    const id = String(element.body.id)
    const query = new URLSearchParams(APP)
    for (const path of [`/elements/${id}/oauth/url`, `/your_moms/zendesk/oauth/url`]) {
      const answer = await api(sandbox.server, 'GET', `${path}?${query}`)
      expect(answer.status, path).toBe(200)
      expect(answer.body).toMatchObject({ element: 'zendesk', your_mom: 'zendesk' })
    }
    const elementRoot = sandbox.server.baseUrl.replace('/your_moms/api-v2', '/elements/api-v2')
    const response = await fetch(`${elementRoot}/elements/zendesk/oauth/url?${query}`, {
      headers: { authorization: sandbox.server.authorization },
    })
    expect(Object.keys((await response.json()) as object)).toEqual(['element', 'oauthUrl'])
  })

  it('refuses a connector without OAuth and names an unknown one', async () => {
    const basic = await authorizationUrl(sandbox.server, 'chargebee', APP)
    expect(basic.status).toBe(400)
    expect(basic.body.message).toMatch(/chargebee" does not authorise with OAuth/)
    const unknown = await authorizationUrl(sandbox.server, 'nope', APP)
    expect(unknown.status).toBe(404)
  })
})

describe('the consent page', () => {
  it('shows Allow and Deny in a form posting back to the sandbox, with the scope asked', async () => {
    const url = await authorizationUrl(sandbox.server, 'hubspotcrm', {
      ...APP,
      scope: 'contacts <b>',
    })
    const page = await consentPage(url.body.oauthUrl as string)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/)
    expect(page.text).toMatch(/<form method="post" action="\/oauth\/consent">/)
    expect(page.text).toMatch(/<button type="submit" name="decision" value="allow">Allow<\/button>/)
    expect(page.text).toMatch(/<button type="submit" name="decision" value="deny">Deny<\/button>/)
    expect(page.text).toContain('HubSpot CRM')
    expect(page.text).toContain('contacts &lt;b&gt;')
    expect(page.text).not.toContain(APP.apiSecret)
  })

  it('redirects Allow to the callback with a code and the state, keeping its query', async () => {
    const url = await authorizationUrl(sandbox.server, 'zendesk', { ...APP, state: 'xyz' })
    const { status, location } = await decide(url.body.oauthUrl as string, 'allow')
    expect(status).toBe(303)
    expect(`${location?.origin}${location?.pathname}`).toBe('http://127.0.0.1:9/callback')
    expect(location?.searchParams.get('from')).toBe('tests')
    expect(location?.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(location?.searchParams.get('state')).toBe('xyz')
    expect(location?.searchParams.has('error')).toBe(false)
  })

  it('redirects Deny with error=access_denied and the state, and no code', async () => {
    const url = await authorizationUrl(sandbox.server, 'zendesk', { ...APP, state: 'xyz' })
    const { status, location } = await decide(url.body.oauthUrl as string, 'deny')
    expect(status).toBe(303)
    expect(location?.searchParams.get('error')).toBe('access_denied')
    expect(location?.searchParams.get('state')).toBe('xyz')
    expect(location?.searchParams.has('code')).toBe(false)
  })

  it('answers a request once; an unknown or answered one gets a page saying so', async () => {
    const url = await authorizationUrl(sandbox.server, 'zendesk', APP)
    expect((await decide(url.body.oauthUrl as string, 'allow')).status).toBe(303)
    const again = await decide(url.body.oauthUrl as string, 'allow')
    expect(again.status).toBe(400)
    expect(again.location).toBeUndefined()
    const page = await consentPage(url.body.oauthUrl as string)
    expect(page.status).toBe(400)
    expect(page.text).toMatch(/unknown, has expired or was already answered/)
  })
})

describe('provisioning with the code', () => {
  it('refuses a provisioning without a code with the platform message', async () => {
    for (const providerData of [undefined, {}, { code: '' }]) {
      const answer = await provisionZendesk(sandbox.server, providerData)
      expect(answer.status).toBe(400)
      expect(answer.body.message).toBe(MISSING_CODE)
      expect(answer.body.requestId).toEqual(expect.any(String))
    }
  })

  it('provisions with the code: the vendor tokens are in the configuration, masked', async () => {
    const code = await codeFor(sandbox.server, 'zendesk')
    const created = await provisionZendesk(sandbox.server, { code })
    expect(created.status).toBe(200)
    const configuration = created.body.configuration as Record<string, string>
    expect(configuration).toMatchObject({
      'oauth.api.key': '********',
      'oauth.api.secret': '********',
      'oauth.callback.url': APP.callbackUrl,
      'oauth.user.token': '********',
      'oauth.user.refresh_token': '********',
      'oauth.user.refresh_interval': '3600',
      'oauth.user.refresh_time': String(Date.parse('2026-01-01T00:00:00Z')),
      'zendesk.subdomain': 'acme',
    })
    expect(configuration['oauth.token.refresh_url']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
    expect(configuration['oauth.token.revoke_url']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
    expect(created.body).not.toHaveProperty('providerData')
    expect(created.text).not.toContain(code)
    const fetched = await api(sandbox.server, 'GET', `/instances/${created.body.id}`)
    expect(fetched.body.configuration).toMatchObject({ 'oauth.user.token': '********' })
  })

  it('takes a code once: a replay is refused with the vendor saying why', async () => {
    const code = await codeFor(sandbox.server, 'zendesk')
    expect((await provisionZendesk(sandbox.server, { code })).status).toBe(200)
    const replay = await provisionZendesk(sandbox.server, { code })
    expect(replay.status).toBe(400)
    expect(replay.body.message).toMatch(/refused the OAuth code/)
    expect(replay.body.providerMessage).toBe('invalid_grant: the code was already used')
    expect(replay.text).not.toContain(code)
  })

  it('refuses an expired code (the clock moved past its lifetime) and a made-up one', async () => {
    const code = await codeFor(sandbox.server, 'zendesk')
    sandbox.advance(299_000)
    const fresh = await codeFor(sandbox.server, 'zendesk')
    sandbox.advance(2_000)
    const expired = await provisionZendesk(sandbox.server, { code })
    expect(expired.status).toBe(400)
    expect(expired.body.providerMessage).toBe('invalid_grant: the code has expired')
    expect((await provisionZendesk(sandbox.server, { code: fresh })).status).toBe(200)
    const madeUp = await provisionZendesk(sandbox.server, { code: 'not-a-code' })
    expect(madeUp.status).toBe(400)
    expect(madeUp.body.providerMessage).toMatch(/^invalid_grant: the code is unknown/)
  })

  it('binds a code to the apiKey, the apiSecret, the callback URL and the connector', async () => {
    const cases = [
      [{ ...APP, apiKey: 'other-key' }, /issued to another apiKey/],
      [{ ...APP, apiSecret: 'other-secret' }, /apiSecret does not match/],
      [{ ...APP, callbackUrl: 'http://127.0.0.1:9/elsewhere' }, /another callback URL/],
    ] as const
    const code = await codeFor(sandbox.server, 'zendesk')
    for (const [app, problem] of cases) {
      const answer = await provisionZendesk(sandbox.server, { code }, zendeskConfiguration(app))
      expect(answer.status).toBe(400)
      expect(answer.body.providerMessage).toMatch(problem)
    }
    const sfdc = await api(sandbox.server, 'POST', '/instances', {
      your_mom: { key: 'sfdc' },
      name: 'Sales',
      configuration: appConfiguration(APP),
      providerData: { code },
    })
    expect(sfdc.status).toBe(400)
    expect(sfdc.body.providerMessage).toBe(
      'invalid_grant: the code was issued for another connector',
    )
    // A refused attempt does not use the code up: the right app still redeems it.
    expect((await provisionZendesk(sandbox.server, { code })).status).toBe(200)
  })
})
