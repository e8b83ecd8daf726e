/**
 * `@plugboard/core/testing`: the connector conformance kit. {@link testConnector} registers a
 * vitest suite that runs every standard check against a connector definition; each check is also
 * exported on its own, as a function that throws a {@link ConformanceError} when the connector
 * breaks the rule, so the checks can run under any test runner.
 *
 * @module @plugboard/core/testing
 */

import * as v from 'valibot'
import { describe, it } from 'vitest'
import { configEntries, secretKeys } from './config-entries.js'
import type { AnyConnector } from './connector.js'
import { ConfigurationError, RegistrationError } from './errors.js'
import { createRegistry } from './registry.js'
import { SPECIFICATION_VERSION } from './specification.js'
import { validateConfiguration } from './validate-configuration.js'

/** A connector broke one of the conformance rules. The message says which rule and how. */
export class ConformanceError extends Error {
  /** The key of the connector that broke the rule. */
  readonly connectorKey: string

  constructor(connectorKey: string, message: string) {
    super(`Connector "${connectorKey}": ${message}`)
    this.name = 'ConformanceError'
    this.connectorKey = connectorKey
  }
}

/** One conformance rule: a name for the test report and the check that enforces it. */
export interface ConnectorCheck {
  /** What the rule says, phrased as a test name. */
  readonly name: string
  /**
   * Checks the rule against a connector.
   *
   * @throws {@link ConformanceError} when the connector breaks the rule.
   */
  readonly run: (connector: AnyConnector) => void
}

/** The options of {@link testConnector}. */
export interface TestConnectorOptions {
  /** The name of the registered `describe` block; defaults to `connector <key> conformance`. */
  readonly name?: string
}

/** The configuration key the kit adds to prove that unknown keys are refused. */
export const UNKNOWN_ENTRY_KEY = 'plugboard.conformance.unknown'

/** The value the platform returns in place of a secret configuration value. */
export const MASKED_SECRET = '********'

const failure = (connector: AnyConnector, message: string): ConformanceError =>
  new ConformanceError(String(connector.key), message)

const list = (keys: readonly string[]): string =>
  keys.length === 0 ? '(none)' : keys.map((key) => `"${key}"`).join(', ')

const sameKeys = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().every((key, index) => key === [...b].sort()[index])

/** Calls `validateConfiguration` and returns the `ConfigurationError` it throws, or `undefined`. */
function refusal(connector: AnyConnector, configuration: unknown): ConfigurationError | undefined {
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

function sampleOf(connector: AnyConnector): Record<string, unknown> {
  const sample: unknown = connector.sample
  if (typeof sample !== 'object' || sample === null || Array.isArray(sample)) {
    throw failure(connector, 'sample must be a configuration object')
  }
  return sample as Record<string, unknown>
}

/**
 * The connector implements the connector specification this `@plugboard/core` implements.
 *
 * @throws {@link ConformanceError} when `specificationVersion` is not {@link SPECIFICATION_VERSION}.
 */
export function checkSpecificationVersion(connector: AnyConnector): void {
  if (connector.specificationVersion !== SPECIFICATION_VERSION) {
    throw failure(
      connector,
      `specificationVersion is ${JSON.stringify(connector.specificationVersion)}, expected "${SPECIFICATION_VERSION}"`,
    )
  }
}

/**
 * The platform descriptor agrees with the definition: same key, same hub, same authentication
 * type, and an integer id (the platform's, or 0 while it is unknown).
 *
 * @throws {@link ConformanceError} naming the field that disagrees.
 */
export function checkDescriptor(connector: AnyConnector): void {
  const { descriptor, metadata } = connector
  if (descriptor.key !== connector.key) {
    throw failure(connector, `descriptor.key is "${descriptor.key}", expected the connector key`)
  }
  if (descriptor.hub !== metadata.hub) {
    throw failure(
      connector,
      `descriptor.hub is "${descriptor.hub}", but metadata.hub is "${metadata.hub}"`,
    )
  }
  if (descriptor.authentication.type !== metadata.authentication) {
    throw failure(
      connector,
      `descriptor.authentication.type is "${descriptor.authentication.type}", but metadata.authentication is "${metadata.authentication}"`,
    )
  }
  if (!Number.isInteger(descriptor.id) || descriptor.id < 0) {
    throw failure(
      connector,
      `descriptor.id is ${descriptor.id}, expected the platform's id (0 while it is unknown)`,
    )
  }
}

/**
 * Every configuration entry has a description (`v.description(...)`), so documentation and error
 * messages can say what the entry is.
 *
 * @throws {@link ConformanceError} naming the undescribed entries.
 */
export function checkDescriptions(connector: AnyConnector): void {
  const undescribed = configEntries(connector.config)
    .filter((entry) => entry.description.trim() === '')
    .map((entry) => entry.key)
  if (undescribed.length > 0) {
    throw failure(connector, `configuration entries without a description: ${list(undescribed)}`)
  }
}

/**
 * An empty configuration is refused with one `ConfigurationError` naming exactly the required
 * entries as missing (and nothing else); a connector without required entries accepts it.
 *
 * @throws {@link ConformanceError} when the refusal names other keys, or does not happen.
 */
export function checkRequiredEntries(connector: AnyConnector): void {
  const required = configEntries(connector.config)
    .filter((entry) => entry.required)
    .map((entry) => entry.key)
  const error = refusal(connector, {})
  if (required.length === 0) {
    if (error !== undefined) {
      throw failure(
        connector,
        `has no required entries, yet an empty configuration was refused: ${error.message}`,
      )
    }
    return
  }
  if (error === undefined) {
    throw failure(
      connector,
      `an empty configuration was accepted, but ${list(required)} are required`,
    )
  }
  if (!sameKeys(error.missing, required) || error.issues.length !== required.length) {
    throw failure(
      connector,
      `an empty configuration should be refused naming exactly ${list(required)} as missing; the error named missing ${list(error.missing)}, invalid ${list(error.invalid)}, unknown ${list(error.unknown)}`,
    )
  }
  const unnamed = required.filter((key) => !error.message.includes(key))
  if (unnamed.length > 0) {
    throw failure(connector, `the error message does not name the missing entries ${list(unnamed)}`)
  }
}

/**
 * A configuration holding a key the connector does not know is refused, naming that key as
 * unknown and nothing else.
 *
 * @throws {@link ConformanceError} when the unknown key is accepted or not named.
 */
export function checkUnknownEntry(connector: AnyConnector): void {
  const error = refusal(connector, { ...sampleOf(connector), [UNKNOWN_ENTRY_KEY]: 'x' })
  if (error === undefined) {
    throw failure(
      connector,
      `the unknown entry "${UNKNOWN_ENTRY_KEY}" was accepted; the config schema must be a v.strictObject`,
    )
  }
  if (!sameKeys(error.unknown, [UNKNOWN_ENTRY_KEY]) || error.issues.length !== 1) {
    throw failure(
      connector,
      `the sample plus "${UNKNOWN_ENTRY_KEY}" should be refused naming only that key as unknown; the error said: ${error.message}`,
    )
  }
  if (!error.message.includes(UNKNOWN_ENTRY_KEY)) {
    throw failure(connector, `the error message does not name the unknown entry: ${error.message}`)
  }
}

/**
 * The connector's own `sample` configuration is accepted.
 *
 * @throws {@link ConformanceError} quoting the refusal.
 */
export function checkSampleAccepted(connector: AnyConnector): void {
  const error = refusal(connector, sampleOf(connector))
  if (error !== undefined)
    throw failure(connector, `the sample configuration was refused: ${error.message}`)
}

/**
 * Secret values never reach an error: the sample's secret values appear in no `ConfigurationError`
 * message or issue, whatever else is wrong with the configuration, and a refused secret value is
 * not echoed back. Also checks that every secret entry is a key of the config schema.
 *
 * @throws {@link ConformanceError} naming the configuration whose refusal leaked a secret.
 */
export function checkSecretRedaction(connector: AnyConnector): void {
  const sample = sampleOf(connector)
  const entries = configEntries(connector.config)
  const secrets = [...secretKeys(connector)]
  const leaks: string[] = secrets
    .map((key) => sample[key])
    .filter((value): value is string => typeof value === 'string' && value.length > 0)
  // A value the kit puts into each secret entry in turn: the wrong type, so it is refused.
  const refusedSecret = 7_310_926_455_813
  // A string each secret entry gets in turn: if the entry refuses it, the refusal must not show it.
  const oddSecret = ' plugboard conformance secret: not-a-key! '
  const cases: [string, Record<string, unknown>][] = [
    ['the sample plus an unknown entry', { ...sample, [UNKNOWN_ENTRY_KEY]: 'x' }],
  ]
  for (const entry of entries.filter((item) => !item.secret)) {
    const { [entry.key]: _removed, ...withoutEntry } = sample
    cases.push([`the sample without "${entry.key}"`, withoutEntry])
    cases.push([`the sample with "${entry.key}" set to a number`, { ...sample, [entry.key]: 42 }])
  }
  for (const key of secrets) {
    cases.push([
      `the sample with secret "${key}" set to a number`,
      { ...sample, [key]: refusedSecret },
    ])
    cases.push([
      `the sample with secret "${key}" set to an odd string`,
      { ...sample, [key]: oddSecret },
    ])
  }
  for (const [label, configuration] of cases) {
    const error = refusal(connector, configuration)
    if (error === undefined) continue
    const texts = [error.message, ...error.issues.map((issue) => issue.message)]
    const forbidden = [...leaks]
    if (Object.values(configuration).includes(refusedSecret)) forbidden.push(String(refusedSecret))
    if (Object.values(configuration).includes(oddSecret)) forbidden.push(oddSecret.trim())
    for (const value of forbidden) {
      if (texts.some((text) => text.includes(value))) {
        throw failure(connector, `refusing ${label} produced an error that shows a secret value`)
      }
    }
  }
}

/**
 * The connector's own defaults and response schema accept the instance configuration the
 * platform would return for the sample: the defaults, overlaid with the validated sample, with
 * secret entries masked as `********`. Nothing is lost: every key of that map survives parsing.
 *
 * @throws {@link ConformanceError} quoting the response schema's refusal or the lost keys.
 */
export function checkResponseAcceptsSample(connector: AnyConnector): void {
  for (const [key, value] of Object.entries(connector.defaults)) {
    if (value !== null && typeof value !== 'string') {
      throw failure(connector, `default "${key}" must be a string or null`)
    }
  }
  const secrets = secretKeys(connector)
  const sent = validateConfiguration(connector, sampleOf(connector)) as Record<string, unknown>
  const returned: Record<string, unknown> = { ...connector.defaults }
  for (const [key, value] of Object.entries(sent)) {
    if (value === undefined) continue
    returned[key] = secrets.has(key) ? MASKED_SECRET : value
  }
  const result = v.safeParse(connector.response, returned)
  if (!result.success) {
    const problems = result.issues.map(
      (issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`,
    )
    throw failure(
      connector,
      `the response schema refused the configuration the platform would return for the sample: ${problems.join('; ')}`,
    )
  }
  const output = result.output as Record<string, unknown>
  const lost = Object.keys(returned).filter((key) => !Object.hasOwn(output, key))
  if (lost.length > 0) {
    throw failure(
      connector,
      `the response schema dropped ${list(lost)}; use v.looseObject so no returned key is lost`,
    )
  }
}

/**
 * The connector round-trips through a registry: `register` then `get(key)` returns the very same
 * definition, and registering the key twice throws a `RegistrationError`.
 *
 * @throws {@link ConformanceError} when the registry refuses, changes or double-registers it.
 */
export function checkRegistryRoundTrip(connector: AnyConnector): void {
  let registry: ReturnType<typeof createRegistry>
  try {
    registry = createRegistry().register(connector)
  } catch (error) {
    throw failure(
      connector,
      `an empty registry refused it: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  if (registry.get(connector.key as never) !== connector) {
    throw failure(connector, 'registry.get(key) did not return the registered definition')
  }
  try {
    registry.register(connector)
  } catch (error) {
    if (RegistrationError.isInstance(error) && error.reason === 'duplicate-key') return
    throw error
  }
  throw failure(connector, 'registering the same key twice did not throw a RegistrationError')
}

/** Every standard check, in the order {@link testConnector} runs them. */
export const connectorChecks: readonly ConnectorCheck[] = [
  { name: 'implements the current connector specification', run: checkSpecificationVersion },
  { name: 'has a descriptor that matches its key, hub and authentication', run: checkDescriptor },
  { name: 'describes every configuration entry', run: checkDescriptions },
  {
    name: 'refuses an empty configuration naming exactly the required entries',
    run: checkRequiredEntries,
  },
  { name: 'refuses an unknown configuration entry, naming it', run: checkUnknownEntry },
  { name: 'accepts its own sample configuration', run: checkSampleAccepted },
  { name: 'never shows a secret value in a configuration error', run: checkSecretRedaction },
  {
    name: 'parses the configuration the platform returns for its sample',
    run: checkResponseAcceptsSample,
  },
  {
    name: 'round-trips through a registry and refuses a duplicate key',
    run: checkRegistryRoundTrip,
  },
]

/**
 * Registers a vitest `describe` suite that runs every standard conformance check
 * ({@link connectorChecks}) against a connector definition, one test per check. Call it at the
 * top level of a test file.
 *
 * @example
 * ```ts
 * // src/connector.test.ts of a connector package
 * import { testConnector } from '@plugboard/core/testing'
 * import { chargebee } from './connector.js'
 *
 * testConnector(chargebee)
 * ```
 */
export function testConnector(connector: AnyConnector, options: TestConnectorOptions = {}): void {
  describe(options.name ?? `connector ${String(connector.key)} conformance`, () => {
    for (const check of connectorChecks) {
      it(check.name, () => check.run(connector))
    }
  })
}
