import {
  authorizationFor,
  ConfigurationError,
  createPlatformClient,
  InvalidArgumentError,
  validateConfiguration,
} from '@plugboard/core'
import { testConnector } from '@plugboard/core/testing'
import { describe, expect, it } from 'vitest'
import { zendesk } from './connector.js'

testConnector(zendesk)

function refusal(configuration: unknown): ConfigurationError {
  try {
    validateConfiguration(zendesk, configuration)
  } catch (error) {
    if (ConfigurationError.isInstance(error)) return error
    throw error
  }
  throw new Error('the configuration was accepted')
}

describe('the zendesk connector', () => {
  it('names every required entry of an empty configuration', () => {
    expect(refusal({}).missing).toEqual([
      'oauth.api.key',
      'oauth.api.secret',
      'oauth.callback.url',
      'zendesk.subdomain',
    ])
  })

  it('authorises with OAuth 2.0, its URL taking siteAddress', () => {
    expect(authorizationFor(zendesk)).toEqual({ kind: 'oauth2', urlParameters: ['siteAddress'] })
  })

  it.each(['https://acme.zendesk.com', 'Acme', 'acme.zendesk.com'])(
    'refuses the subdomain %j, saying to give the subdomain alone',
    (subdomain) => {
      const error = refusal({ ...zendesk.sample, 'zendesk.subdomain': subdomain })
      expect(error.invalid).toEqual(['zendesk.subdomain'])
      expect(error.message).toMatch(/the subdomain alone/)
    },
  )

  it('refuses a scope in the authorisation URL, sending nothing', async () => {
    const client = createPlatformClient({
      baseUrl: 'http://127.0.0.1:9/elements/api-v2',
      userSecret: 'u',
      organizationSecret: 'o',
    })
    const start = client.oauth.start(zendesk, {
      apiKey: 'key',
      apiSecret: 'secret',
      callbackUrl: 'https://app.example.test/cb',
      scope: 'read',
    })
    await expect(start).rejects.toSatisfy(
      (error: unknown) => InvalidArgumentError.isInstance(error) && error.argument === 'scope',
    )
  })
})
