/** The shapes the sandbox's store reads and writes. */

/** A configuration map as the sandbox stores it: every value a string or `null`. */
export type StoredConfiguration = Record<string, string | null>

/** One instance as the sandbox stores it (never its token: only the token's sha256 is stored). */
export interface InstanceRecord {
  /** The instance id, unique and never reused. */
  readonly id: number
  /** The id of the organization that owns the instance. */
  readonly organization: string
  /** The key of the instance's connector. */
  readonly connectorKey: string
  /** The instance name (HTML already stripped). */
  readonly name: string
  /** The full configuration: the connector's defaults merged with the caller's entries. */
  readonly configuration: StoredConfiguration
  /** The tags, in the order the caller gave them, without duplicates. */
  readonly tags: readonly string[]
  /** Whether the instance is disabled. */
  readonly disabled: boolean
  /** When the instance was created (ISO 8601). */
  readonly createdDate: string
  /** When the instance was last changed (ISO 8601). */
  readonly updatedDate: string
  /** The instance token, opened from its sealed copy; absent for instances stored without one. */
  readonly token?: string | undefined
  /** The id of the user who provisioned the instance, when known. */
  readonly owner?: string | undefined
}

/** What a new instance is made of. */
export interface NewInstance {
  readonly organization: string
  readonly connectorKey: string
  readonly name: string
  readonly configuration: StoredConfiguration
  readonly tags: readonly string[]
  /** The sha256 of the instance token. */
  readonly tokenHash: Buffer
  /** The token itself, stored sealed (AES-256-GCM) so that answers can carry it. */
  readonly token?: string | undefined
  /** The id of the user who provisioned the instance. */
  readonly owner?: string | undefined
}

/** The changes an update may make. */
export interface InstanceChanges {
  readonly name?: string
  readonly configuration?: StoredConfiguration
  readonly tags?: readonly string[]
  readonly disabled?: boolean
}

/** A filter and page of `list`. */
export interface ListQuery {
  readonly organization: string
  /** Only instances carrying every one of these tags. */
  readonly tags: readonly string[]
  /** Only instances whose name or connector key contains this text (case-insensitive). */
  readonly searchText?: string | undefined
  /** Only instances of this connector. */
  readonly connectorKey?: string | undefined
  /** Only instances whose id is greater than this (keyset paging). */
  readonly afterId: number
  /** At most this many instances. */
  readonly limit: number
}

/**
 * Options of {@link SandboxStore.seed}: inserts many instances in one transaction, for paging
 * tests and benchmarks.
 */
export interface SeedOptions {
  /** How many instances to insert. */
  readonly count: number
  /** The owning organization's id. */
  readonly organization: string
  /** The connector key every seeded instance gets. */
  readonly connectorKey: string
  /** The configuration every seeded instance gets (stored as given: not validated). */
  readonly configuration: StoredConfiguration
  /** The name of the n-th instance (0-based); `seed-<n>` by default. */
  readonly name?: ((index: number) => string) | undefined
  /** The tags of the n-th instance (0-based); none by default. */
  readonly tags?: ((index: number) => readonly string[]) | undefined
}

/** Options of the {@link SandboxStore} constructor. */
export interface StoreOptions {
  /** The key sealing secret configuration values (32 bytes, or their base64); see `resolveKey`. */
  readonly key?: string | Uint8Array | undefined
  /** The secret configuration keys of a connector (their values are sealed); none by default. */
  readonly secretKeys?: ((connectorKey: string) => ReadonlySet<string>) | undefined
  /** Called after an instance is deleted (the event engine forgets its events). */
  readonly onDelete?: ((id: number) => void) | undefined
  /** Where `PLUGBOARD_SANDBOX_KEY` is read; `process.env` by default. */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined
}

/** What a write has just sealed into a row, in clear: the writer answers with it, unopened. */
export interface WrittenSecrets {
  /** The configuration's secrets (`PackedConfiguration.secrets`), `null` for none. */
  readonly secrets: StoredConfiguration | null
  /** The instance's token, when the row holds one. */
  readonly token: string | undefined
}
