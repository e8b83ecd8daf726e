import * as v from 'valibot'
import type { AnyConnector, ConfigSchema } from './connector.js'

/**
 * What a configuration entry is, read off a connector's config schema.
 *
 * @group Connectors
 */
export interface ConfigEntry {
  /** The configuration key, as sent to the platform. */
  readonly key: string
  /** Whether provisioning fails without it. */
  readonly required: boolean
  /** Whether the value is a secret: masked by the platform, redacted by plugboard. */
  readonly secret: boolean
  /** The entry's description (from `v.description`), or an empty string. */
  readonly description: string
}

type AnySchema = v.GenericSchema & {
  readonly type: string
  readonly wrapped?: AnySchema
}

const optionalTypes = new Set(['optional', 'nullish', 'exact_optional', 'undefinedable'])

function unwrap(schema: AnySchema): { inner: AnySchema; optional: boolean } {
  let inner = schema
  let optional = false
  while (inner.wrapped !== undefined) {
    if (optionalTypes.has(inner.type)) optional = true
    inner = inner.wrapped
  }
  return { inner, optional }
}

/**
 * Lists the entries of a configuration schema: key, required, secret and description.
 *
 * @example
 * ```ts
 * for (const entry of configEntries(chargebee.config)) {
 *   console.log(entry.key, entry.required ? 'required' : 'optional', entry.description)
 * }
 * ```
 *
 * @group Connectors
 */
export function configEntries(schema: ConfigSchema): ConfigEntry[] {
  let entries = entriesBySchema.get(schema)
  if (entries === undefined) {
    entries = readEntries(schema)
    entriesBySchema.set(schema, entries)
  }
  return [...entries]
}

// Schemas are immutable values: what they say of their entries is read once per schema.
const entriesBySchema = new WeakMap<ConfigSchema, readonly ConfigEntry[]>()
const secretsByConnector = new WeakMap<AnyConnector, ReadonlySet<string>>()

function readEntries(schema: ConfigSchema): readonly ConfigEntry[] {
  return Object.entries(schema.entries).map(([key, entry]) => {
    const { inner, optional } = unwrap(entry as AnySchema)
    const metadata = v.getMetadata(inner as never) as Record<string, unknown> | undefined
    return {
      key,
      required: !optional,
      secret: metadata?.secret === true,
      description: v.getDescription(inner as never) ?? '',
    }
  })
}

/**
 * The keys of a connector's secret configuration entries.
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
