import { describe, expectTypeOf, it } from 'vitest'
import { createPlatformClient } from './client/create-client.js'
import type { OAuthFlow } from './client/oauth-flow.js'
import type { AnyConnector, ConfigurationOf } from './connector.js'
import type { OAuth1ProviderData, OAuth2ProviderData, ProviderData } from './provider-data.js'
import { acme } from './test-support/connectors.js'
import { booksy, crmly, salesy } from './test-support/oauth-connectors.js'

const client = createPlatformClient({
  baseUrl: 'http://127.0.0.1:1/your_moms/api-v2',
  userSecret: 'u',
  organizationSecret: 'o',
})

const app = {
  'oauth.api.key': 'k',
  'oauth.api.secret': 's',
  'oauth.callback.url': 'https://app.example.test/cb',
}
const code: OAuth2ProviderData = { code: 'c' }
const verifier: OAuth1ProviderData = { oauth_token: 't', oauth_verifier: 'v', secret: 's' }

describe('OAuth provisioning types', () => {
  it('requires providerData for an OAuth 2.0 connector', async () => {
    await client.provision(salesy, { name: 'n', configuration: app, providerData: code })
    // @ts-expect-error providerData is required for an OAuth connector
    await client.provision(salesy, { name: 'n', configuration: app })
    // @ts-expect-error OAuth 2.0 takes a code, not a 1.0a verifier
    await client.provision(salesy, { name: 'n', configuration: app, providerData: verifier })
  })

  it('requires the OAuth 1.0a providerData for an OAuth 1.0a connector', async () => {
    await client.provision(booksy, { name: 'n', configuration: app, providerData: verifier })
    // @ts-expect-error providerData is required
    await client.provision(booksy, { name: 'n', configuration: app })
  })

  it('refuses providerData for a configuration-only connector', async () => {
    await client.provision(acme, { name: 'n', configuration: { site: 's', apiKey: 'k' } })
    await client.provision(acme, {
      name: 'n',
      configuration: { site: 's', apiKey: 'k' },
      // @ts-expect-error a configuration-only connector takes no providerData
      providerData: code,
    })
  })

  it('narrows the required entries and providerData by authentication.type', async () => {
    await client.provision(crmly, {
      name: 'n',
      configuration: { 'authentication.type': 'oauth2', ...app },
      providerData: code,
    })
    await client.provision(crmly, {
      name: 'n',
      configuration: { 'authentication.type': 'apiKey', 'crmly.apikey': 'key' },
    })
    await client.provision(crmly, {
      name: 'n',
      // @ts-expect-error the apiKey choice requires crmly.apikey
      configuration: { 'authentication.type': 'apiKey' },
    })
    await client.provision(crmly, {
      name: 'n',
      // @ts-expect-error the oauth2 choice has no crmly.apikey entry
      configuration: { 'authentication.type': 'oauth2', ...app, 'crmly.apikey': 'key' },
      providerData: code,
    })
    // @ts-expect-error the oauth2 choice needs providerData
    await client.provision(crmly, {
      name: 'n',
      configuration: { 'authentication.type': 'oauth2', ...app },
    })
    await client.provision(crmly, {
      name: 'n',
      // @ts-expect-error the apiKey choice takes no providerData (only the oauth2 form matches)
      configuration: { 'authentication.type': 'apiKey', 'crmly.apikey': 'key' },
      providerData: code,
    })
    expectTypeOf<ConfigurationOf<typeof crmly>['authentication.type']>().toEqualTypeOf<
      'oauth2' | 'apiKey'
    >()
  })

  it('accepts either providerData for a connector whose declaration is unknown', async () => {
    const any: AnyConnector = salesy
    await client.provision(any, { name: 'n', configuration: {}, providerData: verifier })
    await client.provision(any, { name: 'n', configuration: {} })
  })

  it('types the flow and its providerData by the connector', async () => {
    const flow2 = await client.oauth.start(salesy, {
      apiKey: 'k',
      apiSecret: 's',
      callbackUrl: 'u',
    })
    expectTypeOf(flow2).toEqualTypeOf<OAuthFlow<'oauth2'>>()
    expectTypeOf(client.oauth.complete(flow2, '')).toEqualTypeOf<OAuth2ProviderData>()
    const flow1 = await client.oauth.start(booksy, {
      apiKey: 'k',
      apiSecret: 's',
      callbackUrl: 'u',
    })
    expectTypeOf(client.oauth.complete(flow1, '')).toEqualTypeOf<OAuth1ProviderData>()
    const choice = await client.oauth.start(crmly, {
      apiKey: 'k',
      apiSecret: 's',
      callbackUrl: 'u',
    })
    expectTypeOf(choice).toEqualTypeOf<OAuthFlow<'oauth2'>>()
    const byKey = await client.oauth.start('salesy', {
      apiKey: 'k',
      apiSecret: 's',
      callbackUrl: 'u',
    })
    expectTypeOf(client.oauth.complete(byKey, '')).toEqualTypeOf<ProviderData>()
  })

  it('re-authorises with providerData, and update and patch take it', async () => {
    expectTypeOf(client.instances.reauthorize).parameter(1).toEqualTypeOf<ProviderData>()
    await client.instances.patch(1, { providerData: code })
    // @ts-expect-error providerData is not a string
    await client.instances.reauthorize(1, 'code')
  })
})
