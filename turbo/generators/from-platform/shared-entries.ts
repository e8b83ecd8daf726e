import {
  COMMON_ENTRY_KEYS,
  type CommonEntryKey,
  type ConnectorConfigurationEntry,
  commonEntries,
  configEntries,
  isCallerEntry,
} from '@plugboard/core'
import * as v from 'valibot'

/** What core's `commonEntries` says of each shared entry (its description). */
const descriptions: ReadonlyMap<string, string> = new Map(
  configEntries(v.strictObject(commonEntries(...COMMON_ENTRY_KEYS))).map((entry) => [
    entry.key,
    entry.description,
  ]),
)

/**
 * Whether a described entry is one of the entries every platform connector shares, taken as the
 * caller's and optional: the generated schema then takes it from core's `commonEntries` instead of
 * writing it out. (A connector whose platform requires such an entry keeps its own schema.)
 */
export function isSharedEntry(
  entry: ConnectorConfigurationEntry,
): entry is ConnectorConfigurationEntry & { readonly key: CommonEntryKey } {
  return descriptions.has(entry.key) && isCallerEntry(entry) && !entry.required
}

/**
 * A connector's described entries with each shared entry described as core's `commonEntries`
 * describes it, so the README, the TSDoc and the schema say the same of it.
 */
export function withSharedDescriptions(
  configuration: readonly ConnectorConfigurationEntry[],
): ConnectorConfigurationEntry[] {
  return configuration.map((entry) =>
    isSharedEntry(entry) ? { ...entry, description: descriptions.get(entry.key) ?? '' } : entry,
  )
}
