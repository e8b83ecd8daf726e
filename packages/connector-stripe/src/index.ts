/**
 * `@plugboard/connector-stripe`: the Stripe connector for plugboard.
 *
 * @packageDocumentation
 */

export {
  STRIPE_ALIASES,
  STRIPE_SECRET_KEY_PATTERN,
  type StripeConfiguration,
  stripeConfig,
} from './config.js'
export { type StripeConnector, stripe } from './connector.js'
export { stripeDefaults } from './defaults.js'
export { stripeDescriptor } from './descriptor.js'
export {
  type StripeInstanceConfiguration,
  stripeInstanceConfiguration,
} from './response.js'
