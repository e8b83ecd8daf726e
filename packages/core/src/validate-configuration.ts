import * as v from 'valibot'
import { configEntries, secretKeys } from './config-entries.js'
import type { AnyConnector } from './connector.js'
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
  const result = clashes.length > 0 ? undefined : v.safeParse(connector.config, input)
  if (result === undefined) {
    throw new ConfigurationError({ connectorKey: connector.key, issues: clashes })
  }
  if (result.success) return result.output
  const secrets = secretKeys(connector)
  const entries = connector.config.entries
  const byKey = new Map<string, ConfigurationIssue>()
  const unknown = (key: string): ConfigurationIssue => ({
    key,
    kind: 'unknown',
    message: `"${key}" is not a ${connector.key} configuration entry`,
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
  const order = configEntries(connector.config).map((entry) => entry.key)
  const issues = [...byKey.values()].sort(
    (a, b) => rank(order, a.key) - rank(order, b.key) || a.key.localeCompare(b.key),
  )
  throw new ConfigurationError({ connectorKey: connector.key, issues })
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
    if (!Object.hasOwn(input, alias) || Object.hasOwn(connector.config.entries, alias)) continue
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
