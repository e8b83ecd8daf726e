import { configEntries } from './config-entries.js'
import type { AnyConnector } from './connector.js'

// A connector is an immutable value: its secret and masked keys are read once per connector.
const secretsByConnector = new WeakMap<AnyConnector, ReadonlySet<string>>()
const maskedByConnector = new WeakMap<AnyConnector, ReadonlySet<string>>()

/**
 * The keys of the entries the platform masks in its answers (password-type entries).
 *
 * @group Connectors
 */
export function maskedKeys(connector: AnyConnector): ReadonlySet<string> {
  let keys = maskedByConnector.get(connector)
  if (keys === undefined) {
    keys = new Set(
      configEntries(connector.config)
        .filter((entry) => entry.masked)
        .map((entry) => entry.key),
    )
    maskedByConnector.set(connector, keys)
  }
  return keys
}

/**
 * The keys of a connector's secret configuration entries (what plugboard redacts).
 *
 * @group Connectors
 */
export function secretKeys(connector: AnyConnector): ReadonlySet<string> {
  let keys = secretsByConnector.get(connector)
  if (keys === undefined) {
    keys = new Set(
      configEntries(connector.config)
        .filter((entry) => entry.secret)
        .map((entry) => entry.key),
    )
    secretsByConnector.set(connector, keys)
  }
  return keys
}
