import { defineConnector, SPECIFICATION_VERSION } from '@plugboard/core/define'
import { STRIPE_ALIASES, stripeConfig } from './config.js'
import { stripeDefaults } from './defaults.js'
import { stripeDescriptor } from './descriptor.js'
import { stripeInstanceConfiguration } from './response.js'

/**
 * The Stripe connector (platform key `stripe`, payment hub, HTTP Basic with the secret API key).
 *
 * @example
 * ```ts
 * import { createPlatformClient, createRegistry } from '@plugboard/core'
 * import { stripe } from '@plugboard/connector-stripe'
 *
 * const registry = createRegistry().register(stripe)
 * const client = createPlatformClient({ baseUrl, userSecret, organizationSecret })
 * const instance = await client.provision(registry.get('stripe'), {
 *   name: 'Acme payments',
 *   configuration: { 'api.key': process.env.STRIPE_SECRET_KEY ?? '' },
 *   tags: ['payment'],
 * })
 * // keep instance.token: every later call for this instance needs it
 * ```
 */
export const stripe = defineConnector({
  specificationVersion: SPECIFICATION_VERSION,
  key: 'stripe',
  metadata: {
    displayName: 'Stripe',
    description: 'Online payments, customers and subscriptions (Stripe API).',
    hub: 'payment',
    authentication: 'basic',
    homepage: 'https://docs.stripe.com/api',
  },
  descriptor: stripeDescriptor,
  config: stripeConfig,
  response: stripeInstanceConfiguration,
  defaults: stripeDefaults,
  aliases: STRIPE_ALIASES,
  sample: { 'api.key': 'sk_test_plugboardSampleKey' },
})

/** The type of the Stripe connector definition. */
export type StripeConnector = typeof stripe
