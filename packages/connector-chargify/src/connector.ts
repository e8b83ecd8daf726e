import { defineConnector, SPECIFICATION_VERSION } from '@plugboard/core/define'
import { chargifyConfig } from './config.js'
import { chargifyDefaults } from './defaults.js'
import { chargifyDescriptor } from './descriptor.js'
import { chargifyInstanceConfiguration } from './response.js'

/**
 * The Chargify connector (platform key `chargify`, payment hub, HTTP Basic with the API key).
 *
 * @example
 * ```ts
 * import { createPlatformClient, createRegistry } from '@plugboard/core'
 * import { chargify } from '@plugboard/connector-chargify'
 *
 * const registry = createRegistry().register(chargify)
 * const client = createPlatformClient({ baseUrl, userSecret, organizationSecret })
 * const instance = await client.provision(registry.get('chargify'), {
 *   name: 'Acme subscriptions',
 *   configuration: { site: 'acme', username: process.env.CHARGIFY_API_KEY ?? '' },
 *   tags: ['payment'],
 * })
 * // keep instance.token: every later call for this instance needs it
 * ```
 */
export const chargify = defineConnector({
  specificationVersion: SPECIFICATION_VERSION,
  key: 'chargify',
  metadata: {
    displayName: 'Chargify',
    description: 'Recurring billing and subscriptions (Chargify API).',
    hub: 'payment',
    authentication: 'basic',
    homepage: 'https://developers.chargify.com',
  },
  descriptor: chargifyDescriptor,
  config: chargifyConfig,
  response: chargifyInstanceConfiguration,
  defaults: chargifyDefaults,
  sample: { site: 'acme', username: 'test_chargifySampleApiKey' },
})

/** The type of the Chargify connector definition. */
export type ChargifyConnector = typeof chargify
