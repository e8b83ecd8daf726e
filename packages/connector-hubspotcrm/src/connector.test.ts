import {
  authorizationFor,
  ConfigurationError,
  configEntries,
  createPlatformClient,
  InvalidArgumentError,
  validateConfiguration,
} from '@plugboard/core'
import { testConnector } from '@plugboard/core/testing'
import { describe, expect, it } from 'vitest'
import { hubspotcrm } from './connector.js'

testConnector(hubspotcrm)

function refusal(configuration: unknown): ConfigurationError {
  try {
    validateConfiguration(hubspotcrm, configuration)
  } catch (error) {
    if (ConfigurationError.isInstance(error)) return error
    throw error
  }
  throw new Error('the configuration was accepted')
}

const apiKey = {
  'authentication.type': 'apiKey',
  'hubspot.authorization.apikey': 'fake-hubspot-api-key',
  'create.bulk.properties': 'false',
}

describe('the hubspotcrm connector', () => {
  it('names the choosing entry and the entries every choice requires, of an empty configuration', () => {
    const error = refusal({})
    expect(error.missing).toEqual(['authentication.type', 'create.bulk.properties'])
    expect(error.issues[0]?.message).toBe(
      '"authentication.type" is required: one of "oauth2", "apiKey"',
    )
  })

  it('requires the OAuth app with oauth2, and the API key with apiKey', () => {
    expect(
      refusal({ 'authentication.type': 'oauth2', 'create.bulk.properties': 'true' }).missing,
    ).toEqual(['oauth.api.key', 'oauth.api.secret', 'oauth.callback.url'])
    expect(
      refusal({ 'authentication.type': 'apiKey', 'create.bulk.properties': 'true' }).missing,
    ).toEqual(['hubspot.authorization.apikey'])
  })

  it('refuses the other choice’s entries, and never repeats the API key', () => {
    const error = refusal({
      ...apiKey,
      'oauth.api.key': 'client-id',
      'hubspot.authorization.apikey': 42,
    })
    expect(error.unknown).toEqual(['oauth.api.key'])
    expect(error.invalid).toEqual(['hubspot.authorization.apikey'])
    expect(error.message).not.toContain('42')
  })

  it('accepts the API-key choice, which authorises with its configuration alone', () => {
    expect(validateConfiguration(hubspotcrm, apiKey)).toEqual(apiKey)
    expect(authorizationFor(hubspotcrm, apiKey)).toEqual({ kind: 'configuration' })
    expect(authorizationFor(hubspotcrm, hubspotcrm.sample)).toEqual({
      kind: 'oauth2',
      urlParameters: ['scope', 'state'],
    })
  })

  it('lists every entry once: the choosing entry and create.bulk.properties required everywhere', () => {
    expect(
      configEntries(hubspotcrm.config)
        .filter((entry) => entry.required)
        .map((entry) => entry.key),
    ).toEqual(['authentication.type', 'create.bulk.properties'])
  })

  it('refuses providerData with the API-key choice, sending nothing', async () => {
    const client = createPlatformClient({
      baseUrl: 'http://127.0.0.1:9/elements/api-v2',
      userSecret: 'u',
      organizationSecret: 'o',
    })
    const provision = client.provision(hubspotcrm, {
      name: 'n',
      configuration: { ...apiKey, 'authentication.type': 'apiKey' },
      providerData: { code: 'code' },
    } as never)
    await expect(provision).rejects.toSatisfy(
      (error: unknown) =>
        InvalidArgumentError.isInstance(error) && error.argument === 'providerData',
    )
  })
})
