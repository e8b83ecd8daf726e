import * as v from 'valibot'
import {
  type AnyConnector,
  configEntries,
  createRegistry,
  maskedKeys,
  RegistrationError,
  SPECIFICATION_VERSION,
  validateConfiguration,
} from '../index.js'
import { MASK, PLATFORM_COMMON_ENTRIES } from '../protocol/index.js'
import { failure, list, sampleOf } from './support.js'

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
  // What the platform answers: its common entries and the connector's defaults under the sample,
  // password-type (masked) entries as `********`, every other entry echoed.
  const masked = maskedKeys(connector)
  const sent = validateConfiguration(connector, sampleOf(connector)) as Record<string, unknown>
  const returned: Record<string, unknown> = { ...PLATFORM_COMMON_ENTRIES, ...connector.defaults }
  for (const [key, value] of Object.entries(sent)) {
    if (value === undefined) continue
    returned[key] = masked.has(key) ? MASK : value
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
