import { type ChargebeeConnector, chargebee } from '@plugboard/connector-chargebee'
import { createRegistry, type Registry } from '@plugboard/core'

/** The type of the registry {@link createDefaultRegistry} builds. */
export type DefaultRegistry = Registry<{ readonly chargebee: ChargebeeConnector }>

/**
 * The registry the `plugboard-sandbox` bin serves when none is given: every connector package
 * plugboard ships (Chargebee for now).
 *
 * @example
 * ```ts
 * const sandbox = createSandbox({ registry: createDefaultRegistry() })
 * ```
 */
export function createDefaultRegistry(): DefaultRegistry {
  return createRegistry().register(chargebee)
}
