import * as v from 'valibot'
import { configEntries } from './config-entries.js'
import { choiceOption, choiceValues, hasEntry, isChoiceSchema } from './config-options.js'
import type {
  AnyConfigSchema,
  AnyConnector,
  ChoiceConfigSchema,
  ConfigSchema,
} from './connector.js'
import { secretKeys } from './connector-keys.js'
import { ConfigurationError, type ConfigurationIssue } from './errors/configuration-error.js'

function describeIssue(issue: v.BaseIssue<unknown>, secret: boolean): string {
  if (!secret || issue.received === 'undefined') return issue.message
  // Never repeat what the caller typed into a secret entry: neither valibot's quoted `received`
  // nor the raw input a connector's own message may have interpolated.
  let message = issue.message.split(issue.received).join('(hidden)')
  if (typeof issue.input === 'string' && issue.input.length > 0) {
    message = message.split(issue.input).join('(hidden)')
  }
  return message
}

/**
 * Validates a configuration against a connector's schema and returns the configuration as it is
 * sent to the platform. Every problem is reported at once: missing required entries, invalid
 * values (never echoing a secret value) and keys the connector does not know.
 *
 * @throws {@link ConfigurationError} naming every refused entry.
 *
 * @example
 * ```ts
 * try {
 *   validateConfiguration(chargebee, { site: 'acme-test' })
 * } catch (error) {
 *   if (ConfigurationError.isInstance(error)) console.error(error.missing) // ['username']
 * }
 * ```
 *
 * @group Provisioning
 */
export function validateConfiguration<C extends AnyConnector>(
  connector: C,
  configuration: unknown,
): v.InferOutput<C['config']> {
  const given =
    typeof configuration === 'object' && configuration !== null && !Array.isArray(configuration)
      ? (configuration as Record<string, unknown>)
      : {}
  const { input, clashes } = resolveAliases(connector, given)
  if (clashes.length > 0) {
    throw new ConfigurationError({ connectorKey: connector.key, issues: clashes })
  }
  const schema = connector.config as AnyConfigSchema
  if (!isChoiceSchema(schema)) return validateObject(connector, schema, input, connector.key)
  const option = choiceOption(schema, input[schema.key])
  if (option === undefined) refuseChoice(connector, schema, input)
  const chosen = `${connector.key} with ${schema.key} "${String(input[schema.key])}"`
  return validateObject(connector, option, input, chosen)
}

/** Validates `input` against one strict object, every problem named; `what` names the connector. */
function validateObject<C extends AnyConnector>(
  connector: C,
  schema: ConfigSchema,
  input: Record<string, unknown>,
  what: string,
): v.InferOutput<C['config']> {
  const result = v.safeParse(schema, input)
  if (result.success) return result.output as v.InferOutput<C['config']>
  const secrets = secretKeys(connector)
  const entries = schema.entries
  const byKey = new Map<string, ConfigurationIssue>()
  const unknown = (key: string): ConfigurationIssue => ({
    key,
    kind: 'unknown',
    message: `"${key}" is not a ${what} configuration entry`,
  })
  // valibot reports only the first key a strict object does not know: list them all here.
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(entries, key)) byKey.set(key, unknown(key))
  }
  for (const issue of result.issues) {
    const key = String(issue.path?.[0]?.key ?? '')
    if (byKey.has(key)) continue
    // A strict object reports both a key it does not know (expected `never`) and a missing key.
    if (issue.type === 'strict_object' && issue.expected === 'never') {
      byKey.set(key, unknown(key))
      continue
    }
    const present =
      Object.hasOwn(input, key) && (input as Record<string, unknown>)[key] !== undefined
    byKey.set(
      key,
      present
        ? { key, kind: 'invalid', message: describeIssue(issue, secrets.has(key)) }
        : { key, kind: 'missing', message: `"${key}" is required` },
    )
  }
  throw sorted(connector, [...byKey.values()])
}

/**
 * A configuration whose choosing entry is missing or names no choice: that entry, the entries
 * every choice requires and the keys no choice knows are named at once.
 */
function refuseChoice(
  connector: AnyConnector,
  schema: ChoiceConfigSchema,
  input: Record<string, unknown>,
): never {
  const choices = choiceValues(schema)
    .map((value) => `"${value}"`)
    .join(', ')
  const value = input[schema.key]
  const issues: ConfigurationIssue[] = [
    value === undefined
      ? {
          key: schema.key,
          kind: 'missing',
          message: `"${schema.key}" is required: one of ${choices}`,
        }
      : { key: schema.key, kind: 'invalid', message: `"${schema.key}" must be one of ${choices}` },
  ]
  for (const entry of configEntries(schema)) {
    if (entry.key !== schema.key && entry.required && input[entry.key] === undefined) {
      issues.push({ key: entry.key, kind: 'missing', message: `"${entry.key}" is required` })
    }
  }
  for (const key of Object.keys(input)) {
    if (!hasEntry(schema, key)) {
      issues.push({
        key,
        kind: 'unknown',
        message: `"${key}" is not a ${connector.key} configuration entry`,
      })
    }
  }
  throw sorted(connector, issues)
}

/** The ConfigurationError of `issues`, in the order of the connector's entries. */
function sorted(connector: AnyConnector, issues: ConfigurationIssue[]): ConfigurationError {
  const order = configEntries(connector.config).map((entry) => entry.key)
  issues.sort((a, b) => rank(order, a.key) - rank(order, b.key) || a.key.localeCompare(b.key))
  return new ConfigurationError({ connectorKey: connector.key, issues })
}

/** The configuration with every alias renamed to its entry's key; both names given differently clash. */
function resolveAliases(
  connector: AnyConnector,
  given: Record<string, unknown>,
): { input: Record<string, unknown>; clashes: ConfigurationIssue[] } {
  const aliases = connector.aliases
  if (aliases === undefined) return { input: given, clashes: [] }
  const input: Record<string, unknown> = { ...given }
  const clashes: ConfigurationIssue[] = []
  for (const [alias, key] of Object.entries(aliases)) {
    if (!Object.hasOwn(input, alias) || hasEntry(connector.config, alias)) continue
    const value = input[alias]
    delete input[alias]
    if (input[key] === undefined) input[key] = value
    else if (input[key] !== value) {
      clashes.push({
        key,
        kind: 'invalid',
        message: `"${key}" and its older name "${alias}" were both given, with different values`,
      })
    }
  }
  return { input, clashes }
}

function rank(order: readonly string[], key: string): number {
  const index = order.indexOf(key)
  return index === -1 ? order.length : index
}
