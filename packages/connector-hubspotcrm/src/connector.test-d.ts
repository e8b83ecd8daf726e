import { createPlatformClient, type OAuth2ProviderData } from '@plugboard/core'
import { describe, it } from 'vitest'
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
