import { type ChargebeeConnector, chargebee } from '@plugboard/connector-chargebee'
import { type ChargifyConnector, chargify } from '@plugboard/connector-chargify'
import { type StripeConnector, stripe } from '@plugboard/connector-stripe'
import { createRegistry, type Registry } from '@plugboard/core'

/** The connectors {@link createDefaultRegistry} holds, by key. */
export type DefaultConnectors = {
  /** The Chargebee connector. */
  readonly chargebee: ChargebeeConnector
  /** The Stripe connector. */
  readonly stripe: StripeConnector
  /** The Chargify connector. */
  readonly chargify: ChargifyConnector
}

/** The type of the registry {@link createDefaultRegistry} builds. */
export type DefaultRegistry = Registry<DefaultConnectors>

/**
 * The registry the `plugboard-sandbox` bin serves when none is given: every connector package
 * plugboard ships (Chargebee, Stripe, Chargify).
 *
 * @example
 * ```ts
 * const sandbox = createSandbox({ registry: createDefaultRegistry() })
 * ```
 */
export function createDefaultRegistry(): DefaultRegistry {
  return createRegistry().register(chargebee).register(stripe).register(chargify)
}
