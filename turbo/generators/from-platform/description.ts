import type { Authorization, ConnectorConfigurationEntry, InstanceConnector } from '@plugboard/core'

/** How sure a fact is, and where it comes from. */
export interface Provenance {
  /** `stated`, `table`, `heuristic`, `inferred`, `platform`, … */
  readonly confidence: string
  /** Where the fact comes from, in a few words. */
  readonly source: string
}

/** Everything the generator writes a package from. */
export interface PlatformDescription {
  /** The descriptor (`GET /elements/{key}`). */
  readonly connector: InstanceConnector
  /** The configuration (`GET /elements/{key}/configuration`). */
  readonly configuration: readonly ConnectorConfigurationEntry[]
  /**
   * How the connector authorises when it is an OAuth connector (from the catalogue's page and the
   * OAuth facts it lacks; from a platform, the kind alone); `undefined`: configuration only.
   */
  readonly authorization?: Authorization | undefined
  /** Where the description was read (`the embedded sandbox's catalogue` or a base URL). */
  readonly origin: string
  /** How far to trust the hub, the authentication, and each entry's `required` and `secret`. */
  readonly provenance: {
    readonly hub: Provenance
    readonly authentication: Provenance
    readonly entries: Readonly<Record<string, Provenance>>
    readonly defaults: Provenance
    /** Known slips of the source page. */
    readonly issues: readonly string[]
  }
}
