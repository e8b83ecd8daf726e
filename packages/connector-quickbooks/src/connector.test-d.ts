import { createPlatformClient, type OAuth1ProviderData } from '@plugboard/core'
import { describe, it } from 'vitest'
import { quickbooks } from './connector.js'

const client = createPlatformClient({
  baseUrl: 'http://127.0.0.1:9',
  userSecret: 'u',
  organizationSecret: 'o',
})
declare const providerData: OAuth1ProviderData

describe('provisioning quickbooks', () => {
  it('needs the providerData of its OAuth callback', async () => {
    await client.provision(quickbooks, {
      name: 'n',
      configuration: quickbooks.sample,
      providerData,
    })
    // @ts-expect-error an OAuth 1.0a connector is provisioned with providerData
    await client.provision(quickbooks, { name: 'n', configuration: quickbooks.sample })
  })
})
