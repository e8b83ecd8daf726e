import { defineConnector, SPECIFICATION_VERSION } from '@plugboard/core/define'
import { chargebeeConfig } from './config.js'
import { chargebeeDefaults } from './defaults.js'
import { chargebeeDescriptor } from './descriptor.js'
import { chargebeeInstanceConfiguration } from './response.js'

/**
 * The Chargebee connector (platform key `chargebee`, payment hub, HTTP Basic with the API key).
 *
 * @example
 * ```ts
 * import { createPlatformClient, createRegistry } from '@plugboard/core'
 * import { chargebee } from '@plugboard/connector-chargebee'
 *
 * const registry = createRegistry().register(chargebee)
 * const client = createPlatformClient({ baseUrl, userSecret, organizationSecret })
 * const instance = await client.provision(registry.get('chargebee'), {
 *   name: 'Acme billing',
 *   configuration: { site: 'acme-test', username: process.env.CHARGEBEE_API_KEY ?? '' },
 *   tags: ['billing'],
 * })
 * // keep instance.token: every later call for this instance needs it
 * ```
 */
export const chargebee = defineConnector({
  specificationVersion: SPECIFICATION_VERSION,
  key: 'chargebee',
  metadata: {
    displayName: 'Chargebee',
    description: 'Subscription billing and revenue management (Chargebee API).',
    hub: 'payment',
    authentication: 'basic',
    homepage: 'https://apidocs.chargebee.com/docs/api',
  },
  descriptor: chargebeeDescriptor,
  config: chargebeeConfig,
  response: chargebeeInstanceConfiguration,
  defaults: chargebeeDefaults,
  sample: { site: 'acme-test', username: 'test_cbSampleApiKey' },
})

/** The type of the Chargebee connector definition. */
export type ChargebeeConnector = typeof chargebee
