import {
  authorizationFor,
  ConfigurationError,
  createPlatformClient,
  validateConfiguration,
} from '@plugboard/core'
import { testConnector } from '@plugboard/core/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { quickbooks } from './connector.js'
import { type LoopbackPlatform, startLoopbackPlatform } from './test-support.js'

testConnector(quickbooks)

function refusal(configuration: unknown): ConfigurationError {
  try {
    validateConfiguration(quickbooks, configuration)
  } catch (error) {
    if (ConfigurationError.isInstance(error)) return error
    throw error
  }
  throw new Error('the configuration was accepted')
}

describe('the quickbooks connector', () => {
  it('names every required entry of an empty configuration', () => {
    expect(refusal({}).missing).toEqual([
      'oauth.api.key',
      'oauth.api.secret',
      'oauth.callback.url',
      'quickbooks.minorversion',
    ])
  })

  it('authorises with OAuth 1.0a, keeping the callback’s realmId', () => {
    expect(authorizationFor(quickbooks)).toEqual({
      kind: 'oauth1',
      urlParameters: [],
      callbackValues: ['realmId'],
    })
  })

  it('refuses what the OAuth flow provides, and a minor version that is not a number', () => {
    const error = refusal({
      ...quickbooks.sample,
      'oauth.user.token': 'x',
      'quickbooks.realm.id': '1',
      'quickbooks.minorversion': 'v65',
    })
    expect(error.unknown).toEqual(['oauth.user.token', 'quickbooks.realm.id'])
    expect(error.invalid).toEqual(['quickbooks.minorversion'])
  })
})

describe('the quickbooks OAuth 1.0a flow over HTTP', () => {
  let platform: LoopbackPlatform
  beforeAll(async () => {
    platform = await startLoopbackPlatform()
  })
  afterAll(() => platform.close())

  it('takes a request token, then completes with the verifier, the token secret and realmId', async () => {
    const client = createPlatformClient({
      baseUrl: platform.baseUrl,
      userSecret: 'user-secret',
      organizationSecret: 'organization-secret',
    })
    const app = {
      apiKey: 'consumer-key',
      apiSecret: 'consumer-secret',
      callbackUrl: 'https://app.example.test/cb',
    }
    const flow = await client.oauth.start(quickbooks, app)
    expect(platform.paths).toEqual([
      '/elements/quickbooks/oauth/token',
      '/elements/quickbooks/oauth/url',
    ])
    const consent = new URL(flow.url)
    expect(consent.searchParams.get('oauth_token')).toBe(flow.requestToken?.token)
    const callback = `${app.callbackUrl}?oauth_token=${flow.requestToken?.token}&oauth_verifier=v-1&realmId=4620816365`
    const providerData = client.oauth.complete(flow, callback)
    expect(providerData).toEqual({
      oauth_token: flow.requestToken?.token,
      oauth_verifier: 'v-1',
      secret: platform.requestTokenSecret,
      realmId: '4620816365',
    })
  })
})
