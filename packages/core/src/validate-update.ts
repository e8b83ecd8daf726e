import * as v from 'valibot'
import { configOptions, hasEntry, isChoiceSchema } from './config-options.js'
import type { AnyConfigSchema, AnyConnector, ConfigurationValue } from './connector.js'
import { maskedKeys } from './connector-keys.js'
import { ConfigurationError, type ConfigurationIssue } from './errors/configuration-error.js'
import { MASK } from './protocol/facts.js'
import { PLATFORM_COMMON_ENTRIES } from './protocol/platform-entries.js'
import { validateConfiguration } from './validate-configuration.js'

type AnySchema = v.GenericSchema & { readonly type: string }

/** The connector with its masked entries made optional (a masked value sent back keeps the stored one). */
function relaxed(connector: AnyConnector, keep: readonly string[]): AnyConnector {
  if (keep.length === 0) return connector
  const schema = connector.config as AnyConfigSchema
  const options = configOptions(schema).map((option) => {
    const entries: Record<string, AnySchema> = { ...option.entries }
    for (const key of keep) {
      if (Object.hasOwn(entries, key))
        entries[key] = v.optional(entries[key] as AnySchema) as AnySchema
    }
    return v.strictObject(entries)
  })
  const config = isChoiceSchema(schema) ? v.variant(schema.key, options) : options[0]
  return { ...connector, config }
}

/** Whether `key` is an entry the platform adds itself: the connector's defaults or the common ones. */
function isPlatformEntry(connector: AnyConnector, key: string): boolean {
  return (
    !hasEntry(connector.config, key) &&
    (Object.hasOwn(connector.defaults, key) || Object.hasOwn(PLATFORM_COMMON_ENTRIES, key))
  )
}

/**
 * Validates the configuration of a full update (`PUT /instances/{id}`), accepting what a GET of
 * the instance returned, sent back as it is:
 *
 * - entries the platform adds (the connector's `defaults` and the platform's common entries such
 *   as `filter.response.nulls`) pass through, as strings or `null`;
 * - a masked entry sent back as `********` keeps the stored value (the platform's rule), so it is
 *   neither validated nor reported missing;
 * - a connector entry sent as `null` (unset) is left out.
 *
 * Everything else goes through the connector's schema as on provisioning: a missing, invalid or
 * unknown entry is refused, each one named.
 *
 * @throws {@link ConfigurationError} naming every refused entry.
 *
 * @group Provisioning
 *
 * @example
 * ```ts
 * const current = await client.instances.get(12, chargebee)
 * // Sent back as GET returned it: base.url, pagination.max, a masked password… are all accepted.
 * validateUpdateConfiguration(chargebee, current.configuration)
 * ```
 */
export function validateUpdateConfiguration(
  connector: AnyConnector,
  configuration: unknown,
): Record<string, unknown> {
  const input =
    typeof configuration === 'object' && configuration !== null && !Array.isArray(configuration)
      ? (configuration as Record<string, unknown>)
      : {}
  const masked = maskedKeys(connector)
  const own: Record<string, unknown> = {}
  const platform: Record<string, ConfigurationValue> = {}
  const kept: string[] = []
  const problems: ConfigurationIssue[] = []
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue
    if (isPlatformEntry(connector, key)) {
      if (value === null || typeof value === 'string') platform[key] = value
      else problems.push({ key, kind: 'invalid', message: `"${key}" must be a string or null` })
    } else if (masked.has(key) && value === MASK) {
      kept.push(key)
    } else if (value !== null || !hasEntry(connector.config, key)) {
      own[key] = value
    }
  }
  let validated: Record<string, unknown>
  try {
    validated = validateConfiguration(relaxed(connector, kept), own) as Record<string, unknown>
  } catch (error) {
    if (!ConfigurationError.isInstance(error) || problems.length === 0) throw error
    throw new ConfigurationError({
      connectorKey: connector.key,
      issues: [...error.issues, ...problems],
    })
  }
  if (problems.length > 0) {
    throw new ConfigurationError({ connectorKey: connector.key, issues: problems })
  }
  const result: Record<string, unknown> = { ...platform, ...validated }
  for (const key of kept) result[key] = MASK
  return result
}
