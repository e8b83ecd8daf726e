import { type AnyConnector, ConfigurationError, validateConfiguration } from '@plugboard/core'
import { MASK } from '@plugboard/core/protocol'
import { connectorFacts } from './connector-facts.js'
import { checkEventEntry, isEventEntry } from './events/entries.js'
import { HttpError } from './http-error.js'
import { SANDBOX_LIMITS } from './limits.js'
import { withoutOAuthResults } from './oauth/results.js'
import type { StoredConfiguration } from './store.js'

function toStored(value: unknown): string | null | undefined {
  if (value === undefined) return undefined
  if (value === null || typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

/**
 * Validates a configuration with the connector's own schema and merges it over `base`. Keys the
 * platform adds (the common entries such as `filter.response.nulls`, and the connector's defaults
 * such as `pagination.max`) may be overridden with a string or `null`; every other key goes
 * through the schema. A masked value (`********`) sent for a password-type entry keeps the value
 * `previous` holds.
 *
 * @throws {@link HttpError} 400 naming every missing, invalid and unknown entry.
 */
export function mergeConfiguration(
  connector: AnyConnector,
  fullBase: StoredConfiguration,
  fullGiven: Readonly<Record<string, unknown>>,
  fullPrevious: StoredConfiguration = {},
): StoredConfiguration {
  // An OAuth instance's tokens are the platform's: kept out of the schema, carried over.
  const { base, given, previous, carried } = withoutOAuthResults(
    connector,
    fullBase,
    fullGiven,
    fullPrevious,
  )
  const { masked, byKey: schemaKeys, platformEntries } = connectorFacts(connector)
  refuseOversizedValues(given)
  const merged: Record<string, unknown> = { ...base }
  // Loops go over the keys, not Object.entries: no pair array per entry (every provision merges).
  for (const key of Object.keys(given)) {
    const value = given[key]
    if (value === undefined) continue
    merged[key] = masked.has(key) && value === MASK && previous[key] != null ? previous[key] : value
  }
  const schemaInput: Record<string, unknown> = {}
  const overrides: StoredConfiguration = {}
  const problems: string[] = []
  for (const key of Object.keys(merged)) {
    const value = merged[key]
    if (!schemaKeys.has(key) && isEventEntry(key)) {
      // The platform's common event entries: checked here, whatever the connector's schema.
      const checked = Object.hasOwn(given, key) ? checkEventEntry(key, value) : { value }
      if ('problem' in checked) problems.push(checked.problem)
      else overrides[key] = checked.value as string | null
    } else if (schemaKeys.has(key) || !Object.hasOwn(platformEntries, key)) {
      if (value !== null) schemaInput[key] = value
    } else if (value === null || typeof value === 'string') {
      overrides[key] = value
    } else {
      problems.push(`invalid entry "${key}": expected a string or null`)
    }
  }
  let validated: Record<string, unknown>
  try {
    validated = validateConfiguration(connector, schemaInput) as Record<string, unknown>
  } catch (error) {
    if (!ConfigurationError.isInstance(error)) throw error
    throw new HttpError(400, appendProblems(error.message, problems))
  }
  if (problems.length > 0) {
    throw new HttpError(
      400,
      `The ${connector.key} configuration was refused: ${problems.join('; ')}.`,
    )
  }
  const result: StoredConfiguration = { ...platformEntries, ...overrides }
  for (const key of Object.keys(validated)) {
    const stored = toStored(validated[key])
    if (stored !== undefined) result[key] = stored
  }
  return Object.assign(result, carried)
}

/** Answers 400 naming every given entry whose value, stored as text, is past the limit (never the value). */
function refuseOversizedValues(given: Readonly<Record<string, unknown>>): void {
  const limit = SANDBOX_LIMITS.configurationValueBytes
  const oversized: string[] = []
  for (const key of Object.keys(given)) {
    const stored = toStored(given[key])
    if (stored != null && Buffer.byteLength(stored, 'utf8') > limit) oversized.push(`"${key}"`)
  }
  if (oversized.length > 0) {
    throw new HttpError(
      400,
      `Configuration values are limited to ${limit} bytes: ${oversized.join(', ')} ${oversized.length === 1 ? 'is' : 'are'} longer.`,
    )
  }
}

function appendProblems(message: string, problems: readonly string[]): string {
  if (problems.length === 0) return message
  return `${message.replace(/\.$/, '')}; ${problems.join('; ')}.`
}
