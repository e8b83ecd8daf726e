import { type AnyConnector, configEntries, secretKeys } from '../index.js'
import { failure, list, refusal, sameKeys, sampleOf, UNKNOWN_ENTRY_KEY } from './support.js'

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
