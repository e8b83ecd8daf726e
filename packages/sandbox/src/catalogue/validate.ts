import type { CatalogueElement } from './catalogue.js'
import { COMMON_ENTRIES } from './describe.js'

/** What is wrong with a configuration for a catalogued connector. */
export interface CatalogueCheck {
  /** Required entries that are absent or empty, in the catalogue's order. */
  readonly missing: readonly string[]
  /** Entries the connector does not know, in the order given. */
  readonly unknown: readonly string[]
}

/** Entries the platform itself writes on OAuth instances: never the caller's to give. */
const OAUTH_RESULTS = /^oauth\.user\./

/** Entry families every instance may carry (events, bulk, paging), whatever its connector. */
const COMMON_PREFIXES = ['event.', 'bulk.', 'pagination.']

/**
 * Checks a configuration against a catalogued connector's description: every required entry
 * present and non-empty, and no entry the connector does not know. Known are its own entries, the
 * platform defaults its instances show, and the platform's common entries (events, bulk, paging,
 * `filter.response.nulls`). OAuth results (`oauth.user.*`) are not required: the platform writes
 * them when the authorisation code is exchanged.
 */
export function checkAgainstCatalogue(
  element: CatalogueElement,
  configuration: Readonly<Record<string, unknown>>,
): CatalogueCheck {
  const known = new Set<string>([
    ...element.configuration.map((config) => config.key),
    ...Object.keys(element.platformDefaults),
    ...COMMON_ENTRIES.map((config) => config.key),
  ])
  const missing = element.configuration
    .filter((config) => config.required && !OAUTH_RESULTS.test(config.key))
    .map((config) => config.key)
    .filter((key) => {
      const value = configuration[key]
      return value === undefined || value === null || value === ''
    })
  const unknown = Object.keys(configuration).filter(
    (key) => !known.has(key) && !COMMON_PREFIXES.some((prefix) => key.startsWith(prefix)),
  )
  return { missing, unknown }
}
