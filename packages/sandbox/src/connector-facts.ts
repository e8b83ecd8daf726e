import { type AnyConnector, type ConfigEntry, configEntries } from '@plugboard/core'
import { PLATFORM_COMMON_ENTRIES } from '@plugboard/core/protocol'
import { EVENT_SECRET_KEYS } from './events/entries.js'
import { OAUTH_SECRET_KEYS } from './oauth/entries.js'

/** What the sandbox derives from a connector's schema, computed once per connector. */
export interface ConnectorFacts {
  /** The schema's entries, in schema order. */
  readonly entries: readonly ConfigEntry[]
  /** The schema's entries by key. */
  readonly byKey: ReadonlyMap<string, ConfigEntry>
  /** The keys of the secret entries (what plugboard redacts, and the sandbox seals at rest). */
  readonly secrets: ReadonlySet<string>
  /** The keys of the entries the platform masks in its answers (password-type entries). */
  readonly masked: ReadonlySet<string>
  /**
   * The entries the platform adds to every configuration of the connector, with their default
   * values: the common entries, then the connector's defaults.
   */
  readonly platformEntries: Readonly<Record<string, string | null>>
}

const cache = new WeakMap<AnyConnector, ConnectorFacts>()

/**
 * The connector's configuration entries and secret keys. A connector is immutable once
 * registered, so they are computed on first use and kept for as long as the connector lives.
 */
export function connectorFacts(connector: AnyConnector): ConnectorFacts {
  let facts = cache.get(connector)
  if (facts === undefined) {
    const entries = configEntries(connector.config)
    facts = {
      entries,
      byKey: new Map(entries.map((entry) => [entry.key, entry])),
      // The signature key of events and the OAuth user tokens are secrets of every instance:
      // sealed at rest, masked in answers.
      secrets: new Set([
        ...entries.filter((entry) => entry.secret).map((entry) => entry.key),
        ...EVENT_SECRET_KEYS,
        ...OAUTH_SECRET_KEYS,
      ]),
      masked: new Set([
        ...entries.filter((entry) => entry.masked).map((entry) => entry.key),
        ...EVENT_SECRET_KEYS,
        ...OAUTH_SECRET_KEYS,
      ]),
      platformEntries: Object.freeze({ ...PLATFORM_COMMON_ENTRIES, ...connector.defaults }),
    }
    cache.set(connector, facts)
  }
  return facts
}
