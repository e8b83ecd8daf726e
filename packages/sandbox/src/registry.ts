import { chargebee } from '@plugboard/connector-chargebee'
import { createRegistry } from '@plugboard/core'

/**
 * The registry the `plugboard-sandbox` bin serves when none is given: every connector package
 * plugboard ships (Chargebee for now).
 *
 * @example
 * ```ts
 * const sandbox = createSandbox({ registry: createDefaultRegistry() })
 * ```
 */
export function createDefaultRegistry() {
  return createRegistry().register(chargebee)
}
