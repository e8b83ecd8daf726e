import { type ConfigEntry, configEntries } from './config-entries.js'
import type { AnyConnector } from './connector.js'

/**
 * The keys of a connector's entries that `flag` marks, read once per connector (a connector is an
 * immutable value).
 */
function keysMarked(flag: 'secret' | 'masked'): (connector: AnyConnector) => ReadonlySet<string> {
  const byConnector = new WeakMap<AnyConnector, ReadonlySet<string>>()
  return (connector) => {
    let keys = byConnector.get(connector)
    if (keys === undefined) {
      const marked = configEntries(connector.config).filter((entry: ConfigEntry) => entry[flag])
      keys = new Set(marked.map((entry) => entry.key))
      byConnector.set(connector, keys)
    }
    return keys
  }
}

const masked = /* @__PURE__ */ keysMarked('masked')
const secret = /* @__PURE__ */ keysMarked('secret')

/**
 * The keys of the entries the platform masks in its answers (password-type entries).
 *
 * @group Connectors
 */
export function maskedKeys(connector: AnyConnector): ReadonlySet<string> {
  return masked(connector)
}

/**
 * The keys of a connector's secret configuration entries (what plugboard redacts).
 *
 * @group Connectors
 */
export function secretKeys(connector: AnyConnector): ReadonlySet<string> {
  return secret(connector)
}
