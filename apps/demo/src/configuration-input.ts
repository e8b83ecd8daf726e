import { isCancel, password, text } from '@clack/prompts'
import {
  type AnyConnector,
  ConfigurationError,
  configEntries,
  validateConfiguration,
} from '@plugboard/core'
import { CancelledError, UsageError } from './cli-errors.js'
import type { Output } from './output.js'

/** An example `--set` argument for the connector, e.g. `--set site=…`. */
function example(connector: AnyConnector): string {
  const [first] = configEntries(connector.config)
  return `--set ${first?.key ?? 'entry'}=…`
}

/**
 * Parses repeated `--set entry=value` options into a configuration object. `extra` holds the
 * arguments found beyond the connector key: `--set username sk_…` (a space for the
 * `=`) leaves the value there. No value is ever repeated: it may be a secret.
 */
export function parseSetOptions(
  connector: AnyConnector,
  values: readonly string[],
  extra: readonly string[] = [],
): Record<string, string> {
  const keys = new Set(configEntries(connector.config).map((entry) => entry.key))
  if (extra.length > 0) {
    const spaced = values.find((value) => !value.includes('=') && keys.has(value))
    const plural = extra.length === 1 ? 'argument' : 'arguments'
    throw new UsageError(
      spaced === undefined
        ? `provision takes one connector key; ${extra.length} more ${plural} given (not shown). Each --set is one argument: ${example(connector)}.`
        : `--set expects entry=value as one argument: write --set ${spaced}=… with "=" where the space is (the value is not shown).`,
    )
  }
  const configuration: Record<string, string> = {}
  for (const value of values) {
    const separator = value.indexOf('=')
    if (separator < 0) {
      // Never repeat it: a value typed without its entry name may well be a secret.
      throw new UsageError(
        `--set expects entry=value, e.g. ${example(connector)}; got a value without "=" (not shown).`,
      )
    }
    if (separator === 0) throw new UsageError('--set expects entry=value, got no entry name: "=…".')
    configuration[value.slice(0, separator)] = value.slice(separator + 1)
  }
  return configuration
}

/**
 * What is wrong with one answer for `key`, checked against the connector's schema as soon as it is
 * typed (never repeating the value), or undefined when it is fine.
 */
export function checkAnswer(
  connector: AnyConnector,
  key: string,
  value: string | undefined,
): string | undefined {
  try {
    validateConfiguration(connector, { [key]: value ?? '' })
  } catch (error) {
    if (!ConfigurationError.isInstance(error)) throw error
    const issue = error.issues.find((candidate) => candidate.key === key)
    if (issue !== undefined) return issue.kind === 'missing' ? `${key} is required.` : issue.message
  }
  return undefined
}

/**
 * On an interactive terminal, asks for each required entry the configuration lacks (masked for
 * secrets), checking each answer as it is given so a wrong one is asked again at once. Off a
 * terminal it adds nothing: validation then names every missing entry. Ctrl-C cancels.
 */
export async function promptForMissing(
  connector: AnyConnector,
  configuration: Record<string, string>,
  out: Output,
): Promise<Record<string, string>> {
  if (!out.interactive) return configuration
  const completed = { ...configuration }
  for (const entry of configEntries(connector.config)) {
    if (!entry.required || completed[entry.key] !== undefined) continue
    const message = `${entry.key}: ${entry.description}`
    const validate = (value: string | undefined) => checkAnswer(connector, entry.key, value)
    const answer = entry.secret
      ? await password({ message, validate })
      : await text({ message, validate })
    if (isCancel(answer)) throw new CancelledError()
    completed[entry.key] = answer
  }
  return completed
}
