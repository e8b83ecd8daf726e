/**
 * `@plugboard/core/testing`: the connector conformance kit. {@link testConnector} registers a
 * vitest suite that runs every standard check against a connector definition; each check is also
 * exported on its own, as a function that throws a {@link ConformanceError} when the connector
 * breaks the rule, so the checks can run under any test runner.
 *
 * @packageDocumentation
 */

import { describe, it } from 'vitest'
import type { AnyConnector } from './index.js'
import {
  checkRequiredEntries,
  checkSampleAccepted,
  checkSecretRedaction,
  checkUnknownEntry,
} from './testing/configuration-checks.js'
import {
  ConformanceError,
  type ConnectorCheck,
  type TestConnectorOptions,
} from './testing/conformance-error.js'
import {
  checkDescriptions,
  checkDescriptor,
  checkRegistryRoundTrip,
  checkResponseAcceptsSample,
  checkSpecificationVersion,
} from './testing/definition-checks.js'
import { UNKNOWN_ENTRY_KEY } from './testing/support.js'

export {
  ConformanceError,
  type ConnectorCheck,
  checkDescriptions,
  checkDescriptor,
  checkRegistryRoundTrip,
  checkRequiredEntries,
  checkResponseAcceptsSample,
  checkSampleAccepted,
  checkSecretRedaction,
  checkSpecificationVersion,
  checkUnknownEntry,
  type TestConnectorOptions,
  UNKNOWN_ENTRY_KEY,
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
