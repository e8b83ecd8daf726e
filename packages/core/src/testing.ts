/**
 * `@plugboard/core/testing`: the connector conformance kit. {@link testConnector} registers a
 * vitest suite that runs every standard check against a connector definition; each check is also
 * exported on its own, as a function that throws a {@link ConformanceError} when the connector
 * breaks the rule, so the checks can run under any test runner.
 *
 * @module @plugboard/core/testing
 */

import { describe, it } from 'vitest'
import type { AnyConnector } from './index.js'
import { connectorChecks } from './testing/checks.js'
import type { TestConnectorOptions } from './testing/conformance-error.js'

export { checkAuthorization, checkSampleAuthorizes } from './testing/authorization-checks.js'
export { connectorChecks } from './testing/checks.js'
export {
  checkRequiredEntries,
  checkSampleAccepted,
  checkSecretRedaction,
  checkUnknownEntry,
} from './testing/configuration-checks.js'
export {
  ConformanceError,
  type ConnectorCheck,
  type TestConnectorOptions,
} from './testing/conformance-error.js'
export {
  checkDescriptions,
  checkDescriptor,
  checkRegistryRoundTrip,
  checkResponseAcceptsSample,
  checkSpecificationVersion,
} from './testing/definition-checks.js'
export { UNKNOWN_ENTRY_KEY } from './testing/support.js'

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
