import type { AnyConnector } from '../index.js'

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
