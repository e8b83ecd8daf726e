import {
  authorizationFor,
  ConfigurationError,
  createPlatformClient,
  InvalidArgumentError,
  validateConfiguration,
} from '@plugboard/core'
import { testConnector } from '@plugboard/core/testing'
import { describe, expect, it } from 'vitest'
import { sfdc } from './connector.js'

testConnector(sfdc)

function refusal(configuration: unknown): ConfigurationError {
  try {
    validateConfiguration(sfdc, configuration)
  } catch (error) {
    if (ConfigurationError.isInstance(error)) return error
    throw error
  }
  throw new Error('the configuration was accepted')
}

describe('the sfdc connector', () => {
  it('names every required entry of an empty configuration', () => {
    expect(refusal({}).missing).toEqual(['oauth.api.key', 'oauth.api.secret', 'oauth.callback.url'])
  })

  it('authorises with OAuth 2.0, its URL taking siteAddress and state', () => {
    expect(authorizationFor(sfdc)).toEqual({
      kind: 'oauth2',
      urlParameters: ['siteAddress', 'state'],
    })
  })

  it('refuses a callback URL that is not a URL, and never repeats the consumer secret', () => {
    const error = refusal({
      ...sfdc.sample,
      'oauth.callback.url': 'callback',
      'oauth.api.secret': 7,
    })
    expect(error.invalid).toEqual(['oauth.api.secret', 'oauth.callback.url'])
    expect(error.message).toMatch(/registered with the connected app/)
  })

  it('refuses a scope in the authorisation URL (Salesforce takes its scopes from the connected app), sending nothing', async () => {
    // Port 9 (discard) on loopback: nothing is sent, the refusal comes first.
    const client = createPlatformClient({
      baseUrl: 'http://127.0.0.1:9/elements/api-v2',
      userSecret: 'u',
      organizationSecret: 'o',
    })
    const start = client.oauth.start(sfdc, {
      apiKey: 'key',
      apiSecret: 'secret',
      callbackUrl: 'https://app.example.test/cb',
      scope: 'api',
    })
    await expect(start).rejects.toSatisfy(
      (error: unknown) => InvalidArgumentError.isInstance(error) && error.argument === 'scope',
    )
  })
})
