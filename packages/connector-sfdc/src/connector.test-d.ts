import { createPlatformClient, type OAuth2ProviderData } from '@plugboard/core'
import { describe, expectTypeOf, it } from 'vitest'
import type { SfdcConfiguration } from './config.js'
import { sfdc } from './connector.js'

const client = createPlatformClient({
  baseUrl: 'http://127.0.0.1:9',
  userSecret: 'u',
  organizationSecret: 'o',
})
declare const providerData: OAuth2ProviderData

describe('provisioning sfdc', () => {
  it('needs the providerData of its OAuth callback', async () => {
    await client.provision(sfdc, { name: 'n', configuration: sfdc.sample, providerData })
    // @ts-expect-error an OAuth 2.0 connector is provisioned with providerData
    await client.provision(sfdc, { name: 'n', configuration: sfdc.sample })
  })
})

describe('the sfdc configuration type', () => {
  it('holds its OAuth app entries and the optional event entries every connector shares', () => {
    expectTypeOf<SfdcConfiguration>().toEqualTypeOf<{
      'oauth.api.key': string
      'oauth.api.secret': string
      'oauth.callback.url': string
      'event.vendor.type'?: string | undefined
      'event.notification.callback.url'?: string | undefined
    }>()
  })
})
