import { createRegistry, type Registry } from '@plugboard/core'
import { type ShippedConnectors, shippedConnectors } from './shipped-connectors.js'

/** The type of the registry {@link createDefaultRegistry} builds. */
export type DefaultRegistry = Registry<ShippedConnectors>

/**
 * The registry the `plugboard-sandbox` bin serves when none is given: every connector package
 * plugboard ships ({@link shippedConnectors}).
 *
 * @example
 * ```ts
 * const sandbox = createSandbox({ registry: createDefaultRegistry() })
 * ```
 */
export function createDefaultRegistry(): DefaultRegistry {
  return createRegistry(shippedConnectors)
}
