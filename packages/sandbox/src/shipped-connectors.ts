/**
 * The connector packages plugboard ships, in one list.
 *
 * @module @plugboard/sandbox/shipped-connectors
 */

import { chargebee } from '@plugboard/connector-chargebee'
import { chargify } from '@plugboard/connector-chargify'
import { stripe } from '@plugboard/connector-stripe'

/**
 * Every connector package plugboard ships, by key: the one list the sandbox bin serves, the demo
 * app registers and the connector generator adds to (`pnpm turbo gen connector`). It is its own
 * entry, `@plugboard/sandbox/shipped-connectors`, because it imports every connector package: the
 * sandbox's main entry stays usable with only the connectors an app installs.
 *
 * @example
 * ```ts
 * import { createRegistry } from '@plugboard/core'
 * import { shippedConnectors } from '@plugboard/sandbox/shipped-connectors'
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
