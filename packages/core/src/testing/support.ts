import { type AnyConnector, ConfigurationError, validateConfiguration } from '../index.js'
import { ConformanceError } from './conformance-error.js'

/** The configuration key the kit adds to prove that unknown keys are refused. */
export const UNKNOWN_ENTRY_KEY = 'plugboard.conformance.unknown'

export const failure = (connector: AnyConnector, message: string): ConformanceError =>
  new ConformanceError(String(connector.key), message)

export const list = (keys: readonly string[]): string =>
  keys.length === 0 ? '(none)' : keys.map((key) => `"${key}"`).join(', ')

export const sameKeys = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().every((key, index) => key === [...b].sort()[index])

/** Calls `validateConfiguration` and returns the `ConfigurationError` it throws, or `undefined`. */
export function refusal(
  connector: AnyConnector,
  configuration: unknown,
): ConfigurationError | undefined {
  try {
    validateConfiguration(connector, configuration)
    return undefined
  } catch (error) {
    if (ConfigurationError.isInstance(error)) return error
    throw failure(
      connector,
      `validateConfiguration threw ${error instanceof Error ? error.name : typeof error} instead of a ConfigurationError: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}

export function sampleOf(connector: AnyConnector): Record<string, unknown> {
  const sample: unknown = connector.sample
  if (typeof sample !== 'object' || sample === null || Array.isArray(sample)) {
    throw failure(connector, 'sample must be a configuration object')
  }
  return sample as Record<string, unknown>
}
