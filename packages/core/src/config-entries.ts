import * as v from 'valibot'
import { configOptions } from './config-options.js'
import type { AnyConfigSchema, ConfigSchema } from './connector.js'

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
  /**
   * Whether plugboard treats the value as a secret: redacted from errors, logs and `util.inspect`
   * output, sealed at rest by the sandbox. API keys are secrets even where the platform echoes them.
   * Set with `v.metadata({ secret: true })`.
   */
  readonly secret: boolean
  /**
   * Whether the platform masks the value (`********`) in its answers: its password-type entries
   * only (passwords, `oauth.api.key`, `oauth.api.secret`). A masked entry is always a secret too.
   * Set with `v.metadata({ secret: true, masked: true })`.
   */
  readonly masked: boolean
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
 * Lists the entries of a configuration schema: key, required, secret and description. For a
 * choice (a `variant`, e.g. on `authentication.type`), every entry of every option, each listed
 * once: required when every option requires it, secret when any option marks it so.
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
export function configEntries(schema: AnyConfigSchema): ConfigEntry[] {
  let entries = entriesBySchema.get(schema)
  if (entries === undefined) {
    entries = readEntries(schema)
    entriesBySchema.set(schema, entries)
  }
  return [...entries]
}

// Schemas are immutable values: what they say of their entries is read once per schema.
const entriesBySchema = new WeakMap<AnyConfigSchema, readonly ConfigEntry[]>()

function readEntries(schema: AnyConfigSchema): readonly ConfigEntry[] {
  const options = configOptions(schema)
  if (options.length === 1 && options[0] === schema) return readObject(schema as ConfigSchema)
  const merged = new Map<string, ConfigEntry>()
  const lists = options.map(readObject)
  for (const entries of lists) {
    for (const entry of entries) {
      const known = merged.get(entry.key)
      const everywhere = lists.every((list) =>
        list.some((other) => other.key === entry.key && other.required),
      )
      merged.set(entry.key, {
        key: entry.key,
        required: everywhere,
        secret: entry.secret || known?.secret === true,
        masked: entry.masked || known?.masked === true,
        description: known?.description || entry.description,
      })
    }
  }
  return [...merged.values()]
}

function readObject(schema: ConfigSchema): readonly ConfigEntry[] {
  return Object.entries(schema.entries).map(([key, entry]) => {
    const { inner, optional } = unwrap(entry as AnySchema)
    const metadata = v.getMetadata(inner as never) as Record<string, unknown> | undefined
    return {
      key,
      required: !optional,
      secret: metadata?.secret === true || metadata?.masked === true,
      masked: metadata?.masked === true,
      description: v.getDescription(inner as never) ?? '',
    }
  })
}
