import { isCancel, password, text } from '@clack/prompts'
import { type AnyConnector, configEntries } from '@plugboard/core'
import { UsageError } from './failures.js'
import type { Output } from './output.js'

/** Parses repeated `--set entry=value` options into a configuration object. */
export function parseSetOptions(values: readonly string[]): Record<string, string> {
  const configuration: Record<string, string> = {}
  for (const value of values) {
    const separator = value.indexOf('=')
    if (separator < 0) {
      // Never repeat it: a value typed without its entry name may well be a secret.
      throw new UsageError('--set expects entry=value, got a value without "=" (not shown).')
    }
    if (separator === 0) throw new UsageError('--set expects entry=value, got no entry name: "=…".')
    configuration[value.slice(0, separator)] = value.slice(separator + 1)
  }
  return configuration
}

/**
 * On an interactive terminal, asks for each required entry the configuration lacks (masked for
 * secrets). Off a terminal it adds nothing: validation then names every missing entry.
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
    const answer = entry.secret ? await password({ message }) : await text({ message })
    if (isCancel(answer)) throw new UsageError('Cancelled.')
    completed[entry.key] = answer
  }
  return completed
}
