import { createPlatformClient, type OAuth2ProviderData } from '@plugboard/core'
import { describe, expectTypeOf, it } from 'vitest'
import type { HubspotcrmConfiguration } from './config.js'
import { hubspotcrm } from './connector.js'

const client = createPlatformClient({
  baseUrl: 'http://127.0.0.1:9',
  userSecret: 'u',
  organizationSecret: 'o',
})
declare const providerData: OAuth2ProviderData
const app = {
  'oauth.api.key': 'k',
  'oauth.api.secret': 's',
  'oauth.callback.url': 'https://app.example.test/cb',
  'create.bulk.properties': 'false',
} as const

describe('provisioning hubspotcrm', () => {
  it('takes providerData with oauth2, and none with apiKey', async () => {
    await client.provision(hubspotcrm, {
      name: 'n',
      configuration: { 'authentication.type': 'oauth2', ...app },
      providerData,
    })
    // @ts-expect-error the oauth2 choice is provisioned with providerData
    await client.provision(hubspotcrm, {
      name: 'n',
      configuration: { 'authentication.type': 'oauth2', ...app },
    })
    await client.provision(hubspotcrm, {
      name: 'n',
      configuration: {
        'authentication.type': 'apiKey',
        'hubspot.authorization.apikey': 'key',
        'create.bulk.properties': 'false',
      },
    })
    await client.provision(hubspotcrm, {
      name: 'n',
      // @ts-expect-error the apiKey choice requires hubspot.authorization.apikey
      configuration: { 'authentication.type': 'apiKey', 'create.bulk.properties': 'false' },
    })
  })
})

describe('the hubspotcrm configuration type', () => {
  it('is a choice, each side with the optional entries every connector shares', () => {
    expectTypeOf<HubspotcrmConfiguration>().toEqualTypeOf<
      | {
          'authentication.type': 'oauth2'
          'oauth.api.key': string
          'oauth.api.secret': string
          'oauth.callback.url': string
          'create.bulk.properties': boolean | 'true' | 'false'
          'filter.response.nulls'?: boolean | 'true' | 'false' | undefined
          'event.vendor.type'?: string | undefined
          'event.notification.callback.url'?: string | undefined
        }
      | {
          'authentication.type': 'apiKey'
          'hubspot.authorization.apikey': string
          'create.bulk.properties': boolean | 'true' | 'false'
          'filter.response.nulls'?: boolean | 'true' | 'false' | undefined
          'event.vendor.type'?: string | undefined
          'event.notification.callback.url'?: string | undefined
        }
    >()
  })
})
