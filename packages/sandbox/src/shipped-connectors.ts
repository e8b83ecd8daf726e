import { chargebee } from '@plugboard/connector-chargebee'
import { chargify } from '@plugboard/connector-chargify'
import { stripe } from '@plugboard/connector-stripe'

/**
 * Every connector package plugboard ships, by key: the one list the sandbox bin serves, the demo
 * app registers and the connector generator adds to (`pnpm turbo gen connector`).
 *
 * @example
 * ```ts
 * import { createRegistry } from '@plugboard/core'
 * import { shippedConnectors } from '@plugboard/sandbox'
 *
 * const registry = createRegistry(shippedConnectors)
 * ```
 */
export const shippedConnectors = {
  chargebee,
  stripe,
  chargify,
} as const

/** The type of {@link shippedConnectors}. */
export type ShippedConnectors = typeof shippedConnectors
