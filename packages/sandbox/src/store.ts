import { DatabaseSync, type StatementSync } from 'node:sqlite'
import { GroupCommit } from './group-commit.js'
import { BUSY_TIMEOUT_MS } from './limits.js'
import { listStatement } from './list-query.js'
import { columns, migrate, type Row, SEALING_VERSION } from './schema.js'
import { isFileDatabase, resolveKey, restrictFile, SecretVault } from './secrets-at-rest.js'
import { INSERT_INSTANCE, seedRows, writtenRecord } from './store-rows.js'
import { checkKey, sealOlderRows } from './store-sealing.js'
import type {
  InstanceChanges,
  InstanceRecord,
  ListQuery,
  NewInstance,
  SeedOptions,
  StoreOptions,
  WrittenSecrets,
} from './store-types.js'

export { isDatabaseBusy, SCHEMA_VERSION } from './schema.js'
export type {
  InstanceChanges,
  InstanceRecord,
  ListQuery,
  NewInstance,
  SeedOptions,
  StoredConfiguration,
  StoreOptions,
} from './store-types.js'

const noSecrets: ReadonlySet<string> = new Set()

/**
 * The sandbox's storage: one SQLite database (node:sqlite), prepared statements only, schema
 * versioned with `PRAGMA user_version`. A file database runs in WAL mode.
 */
export class SandboxStore {
  readonly #db: DatabaseSync
  readonly #statements = new Map<string, StatementSync>()
  readonly #vault: SecretVault
  readonly #onDelete: ((id: number) => void) | undefined
  /** Group commit, for a file database (a memory database has no commit worth sharing). */
  readonly #group: GroupCommit | undefined

  /**
   * Opens (and migrates) the database at `location`, a file path or `':memory:'`. A new file is
   * created 0600 (an existing one loses any group and other access); secret configuration
   * values are sealed with the key `options.key`, `PLUGBOARD_SANDBOX_KEY` or the key file.
   */
  constructor(location: string, options: StoreOptions = {}) {
    if (isFileDatabase(location)) restrictFile(location)
    this.#db = new DatabaseSync(location)
    this.#onDelete = options.onDelete
    try {
      this.#db.exec('PRAGMA foreign_keys = ON')
      this.#db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`)
      // Freed space is zeroed: a value once overwritten leaves no trace in the file.
      this.#db.exec('PRAGMA secure_delete = ON')
      const onDisk = location !== ':memory:' && location !== ''
      if (onDisk) {
        this.#db.exec('PRAGMA journal_mode = WAL')
        // WAL with synchronous NORMAL: a commit survives the sandbox's process dying, not a power
        // loss or an OS crash (the WAL is synced at checkpoints, not at every commit).
        this.#db.exec('PRAGMA synchronous = NORMAL')
      }
      this.#group = onDisk ? new GroupCommit(this.#db) : undefined
      const from = migrate(this.#db)
      const check = this.#db.prepare('SELECT sealed FROM key_check WHERE id = 1').get() as
        | { sealed: Uint8Array }
        | undefined
      const key = resolveKey({
        database: location,
        key: options.key,
        env: options.env ?? process.env,
        mayCreate: check === undefined,
      })
      this.#vault = new SecretVault(key, options.secretKeys ?? (() => noSecrets))
      checkKey(this.#db, this.#vault, check?.sealed)
      if (from > 0 && from < SEALING_VERSION) sealOlderRows(this.#db, this.#vault)
    } catch (error) {
      this.#db.close()
      throw error
    }
  }

  /**
   * The record of a row. A writer passes `written`, the secrets it has just sealed into the row,
   * in clear: they are used as they are rather than opened again (AES-GCM gives back exactly the
   * text it sealed, so the record is the same).
   */
  #toRecord(row: Row, written?: WrittenSecrets): InstanceRecord {
    const { secrets, token } = written ?? this.#vault.openRow(row.sealed, row.sealed_token)
    return {
      id: Number(row.id),
      organization: row.organization,
      connectorKey: row.connector_key,
      name: row.name,
      configuration: this.#vault.join(row.configuration, secrets),
      tags: JSON.parse(row.tags) as string[],
      disabled: row.disabled !== 0,
      createdDate: row.created_date,
      updatedDate: row.updated_date,
      ...(token === undefined ? {} : { token }),
      ...(row.owner == null ? {} : { owner: row.owner }),
    }
  }

  #statement(sql: string): StatementSync {
    let statement = this.#statements.get(sql)
    if (statement === undefined) {
      statement = this.#db.prepare(sql)
      this.#statements.set(sql, statement)
    }
    return statement
  }

  #transaction<T>(work: () => T): T {
    this.#statement('BEGIN IMMEDIATE').run()
    try {
      const result = work()
      this.#statement('COMMIT').run()
      return result
    } catch (error) {
      this.#statement('ROLLBACK').run()
      throw error
    }
  }

  /**
   * Inserts an instance and returns it as stored. One statement: its tag rows are written by a
   * trigger in the same statement. The record is built from what was written, not read back: text
   * is made well-formed as SQLite stores it (a lone surrogate becomes U+FFFD), so an answer shows
   * what a later read will.
   */
  insert(instance: NewInstance): InstanceRecord {
    const now = new Date().toISOString()
    // One sealed value holds the secrets and the token: one cipher per provision, not two.
    const packed = this.#vault.pack(instance.connectorKey, instance.configuration, instance.token)
    const tags = JSON.stringify(instance.tags)
    const { lastInsertRowid } = this.#statement(INSERT_INSTANCE).run(
      instance.organization,
      instance.connectorKey,
      instance.name,
      instance.tokenHash,
      packed.text,
      tags,
      now,
      now,
      packed.sealed,
      instance.owner ?? null,
    )
    return writtenRecord(Number(lastInsertRowid), instance, now)
  }

  /**
   * Runs a synchronous write (e.g. an {@link SandboxStore.insert}); the promise settles once it is
   * committed. On a file database, writes asked for in one turn of the event loop share a
   * transaction (group commit); one that throws fails alone. A memory database runs it at once.
   */
  write<T>(work: () => T): Promise<T> {
    if (this.#group !== undefined) return this.#group.run(work)
    try {
      return Promise.resolve(work())
    } catch (error) {
      return Promise.reject(error)
    }
  }

  /** The organization's instance with this id, if there is one. */
  get(organization: string, id: number): InstanceRecord | undefined {
    const row = this.#statement(
      `SELECT ${columns} FROM instances WHERE id = ? AND organization = ?`,
    ).get(id, organization) as Row | undefined
    return row === undefined ? undefined : this.#toRecord(row)
  }

  /**
   * The instance with this id, whatever its organization, secrets in clear (the event engine
   * reads instances by id; never answered as is).
   */
  getById(id: number): InstanceRecord | undefined {
    const row = this.#statement(`SELECT ${columns} FROM instances WHERE id = ?`).get(id) as
      | Row
      | undefined
    return row === undefined ? undefined : this.#toRecord(row)
  }

  /** The vault sealing secrets at rest (the OAuth grants seal and digest theirs with it). */
  get vault(): SecretVault {
    return this.#vault
  }

  /** The database connection, for the event engine's tables beside the instances. */
  get database(): DatabaseSync {
    return this.#db
  }

  /** The instance whose token has this sha256, if there is one. */
  getByTokenHash(tokenHash: Buffer): InstanceRecord | undefined {
    const row = this.#statement(`SELECT ${columns} FROM instances WHERE token_hash = ?`).get(
      tokenHash,
    ) as Row | undefined
    return row === undefined ? undefined : this.#toRecord(row)
  }

  /** Applies `changes` to the organization's instance and returns it, or `undefined` if there is none. */
  update(organization: string, id: number, changes: InstanceChanges): InstanceRecord | undefined {
    return this.modify(organization, id, () => changes)
  }

  /**
   * Reads the organization's instance, computes changes from it and writes them, in one
   * transaction (`BEGIN IMMEDIATE`): no other write, from this process or another one on the same
   * file, lands between the read and the write, so a change computed from the record is never
   * merged onto a stale copy. `change` must be synchronous; what it throws rolls the transaction
   * back. Returns the instance as stored, or `undefined` if there is none.
   */
  modify(
    organization: string,
    id: number,
    change: (current: InstanceRecord) => InstanceChanges,
  ): InstanceRecord | undefined {
    return this.#transaction(() => {
      const current = this.get(organization, id)
      if (current === undefined) return undefined
      const changes = change(current)
      const next: InstanceRecord = {
        ...current,
        ...(changes.name === undefined ? {} : { name: changes.name }),
        ...(changes.configuration === undefined ? {} : { configuration: changes.configuration }),
        ...(changes.tags === undefined ? {} : { tags: [...changes.tags] }),
        ...(changes.disabled === undefined ? {} : { disabled: changes.disabled }),
        updatedDate: new Date().toISOString(),
      }
      // Rewritten in the current format: the token joins the secrets' sealed value.
      const packed = this.#vault.pack(current.connectorKey, next.configuration, current.token)
      const row = this.#statement(
        `UPDATE instances SET name = ?, configuration = ?, sealed = ?, sealed_token = NULL, tags = ?, disabled = ?, updated_date = ?
         WHERE id = ? AND organization = ? RETURNING ${columns}`,
      ).get(
        next.name,
        packed.text,
        packed.sealed,
        JSON.stringify(next.tags),
        next.disabled ? 1 : 0,
        next.updatedDate,
        id,
        organization,
      ) as Row | undefined
      return row === undefined
        ? undefined
        : this.#toRecord(row, { secrets: packed.secrets, token: current.token })
    })
  }

  /** Deletes the organization's instance; whether there was one. */
  delete(organization: string, id: number): boolean {
    const result = this.#statement('DELETE FROM instances WHERE id = ? AND organization = ?').run(
      id,
      organization,
    )
    const deleted = Number(result.changes) > 0
    if (deleted) this.#onDelete?.(id)
    return deleted
  }

  /** One page of the organization's instances, in id order, after `afterId`. */
  list(query: ListQuery): InstanceRecord[] {
    return [...this.iterate(query)]
  }

  /**
   * {@link SandboxStore.list}, one row at a time: a caller that stops early (a page that reached
   * its byte budget) never loads the rest. Finish or break the loop before the next statement.
   */
  *iterate(query: ListQuery): Generator<InstanceRecord, void, undefined> {
    const { sql, values } = listStatement(query)
    for (const row of this.#statement(sql).iterate(...values)) {
      yield this.#toRecord(row as unknown as Row)
    }
  }

  /**
   * Inserts `count` instances in one transaction, fast (for paging tests and benchmarks). Their
   * tokens are random and never returned: seeded instances are reached with the organization
   * secrets and their ids.
   *
   * @returns the first and last id inserted (`count` consecutive ids).
   */
  seed(options: SeedOptions): { firstId: number; lastId: number } {
    return this.#transaction(() => seedRows(this.#db, this.#vault, options))
  }

  /** Commits the writes still queued, then closes the database. */
  close(): void {
    if (!this.#db.isOpen) return
    // Writes still queued for a group commit are committed (and answered) before the file closes.
    this.#group?.flush()
    this.#db.close()
  }
}
