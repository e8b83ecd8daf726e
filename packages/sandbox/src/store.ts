import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite'
import { BUSY_TIMEOUT_MS } from './limits.js'
import { random32 } from './random.js'

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

interface Row {
  id: number
  organization: string
  connector_key: string
  name: string
  configuration: string
  tags: string
  disabled: number
  created_date: string
  updated_date: string
}

/** The schema, one migration per version; `PRAGMA user_version` records how many ran. */
const migrations: readonly string[] = [
  `CREATE TABLE instances (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     organization TEXT NOT NULL,
     connector_key TEXT NOT NULL,
     name TEXT NOT NULL,
     token_hash BLOB NOT NULL UNIQUE,
     configuration TEXT NOT NULL,
     tags TEXT NOT NULL,
     disabled INTEGER NOT NULL DEFAULT 0,
     created_date TEXT NOT NULL,
     updated_date TEXT NOT NULL
   );
   CREATE INDEX instances_by_organization ON instances (organization, id);
   CREATE TABLE instance_tags (
     instance_id INTEGER NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
     tag TEXT NOT NULL,
     PRIMARY KEY (instance_id, tag)
   ) WITHOUT ROWID;
   CREATE INDEX instance_tags_by_tag ON instance_tags (tag, instance_id);`,
  // The tag rows follow instances.tags (a JSON array) by triggers, so writing an instance is one
  // statement: atomic on its own, with no explicit transaction around it.
  `CREATE TRIGGER instance_tags_on_insert AFTER INSERT ON instances WHEN NEW.tags <> '[]'
   BEGIN
     INSERT OR IGNORE INTO instance_tags (instance_id, tag) SELECT NEW.id, value FROM json_each(NEW.tags);
   END;
   CREATE TRIGGER instance_tags_on_update AFTER UPDATE OF tags ON instances WHEN NEW.tags IS NOT OLD.tags
   BEGIN
     DELETE FROM instance_tags WHERE instance_id = NEW.id;
     INSERT OR IGNORE INTO instance_tags (instance_id, tag) SELECT NEW.id, value FROM json_each(NEW.tags);
   END;`,
]

/**
 * Whether `error` is SQLite's "database is locked" (SQLITE_BUSY or SQLITE_LOCKED): another
 * connection held the lock past the busy timeout, and the statement did nothing.
 */
export function isDatabaseBusy(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const { code, errcode } = error as { code?: unknown; errcode?: unknown }
  return (
    code === 'ERR_SQLITE_ERROR' && typeof errcode === 'number' && [5, 6].includes(errcode & 0xff)
  )
}

/** The schema version this sandbox writes. */
export const SCHEMA_VERSION: number = migrations.length

function toRecord(row: Row): InstanceRecord {
  return {
    id: Number(row.id),
    organization: row.organization,
    connectorKey: row.connector_key,
    name: row.name,
    configuration: JSON.parse(row.configuration) as StoredConfiguration,
    tags: JSON.parse(row.tags) as string[],
    disabled: row.disabled !== 0,
    createdDate: row.created_date,
    updatedDate: row.updated_date,
  }
}

const columns =
  'id, organization, connector_key, name, configuration, tags, disabled, created_date, updated_date'

/**
 * The sandbox's storage: one SQLite database (node:sqlite), prepared statements only, schema
 * versioned with `PRAGMA user_version`. A file database runs in WAL mode.
 */
export class SandboxStore {
  readonly #db: DatabaseSync
  readonly #statements = new Map<string, StatementSync>()

  /** Opens (and migrates) the database at `location`, a file path or `':memory:'`. */
  constructor(location: string) {
    this.#db = new DatabaseSync(location)
    this.#db.exec('PRAGMA foreign_keys = ON')
    this.#db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`)
    if (location !== ':memory:' && location !== '') {
      this.#db.exec('PRAGMA journal_mode = WAL')
      this.#db.exec('PRAGMA synchronous = NORMAL')
    }
    this.#migrate()
  }

  #migrate(): void {
    const { user_version: version } = this.#db.prepare('PRAGMA user_version').get() as {
      user_version: number
    }
    if (version > migrations.length) {
      throw new Error(
        `The sandbox database has schema version ${version}, newer than this sandbox's ${migrations.length}: use a newer @plugboard/sandbox or another database file.`,
      )
    }
    for (let next = version; next < migrations.length; next++) {
      this.#transaction(() => {
        this.#db.exec(migrations[next] as string)
        this.#db.exec(`PRAGMA user_version = ${next + 1}`)
      })
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
   * Inserts an instance and returns it as stored (read back with `RETURNING`, so an answer shows
   * what a later read will: a lone surrogate in the name, for one, comes back as SQLite stored
   * it). One statement: its tag rows are written by a trigger in the same statement.
   */
  insert(instance: NewInstance): InstanceRecord {
    const now = new Date().toISOString()
    const row = this.#statement(
      `INSERT INTO instances (organization, connector_key, name, token_hash, configuration, tags, disabled, created_date, updated_date)
       VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?) RETURNING ${columns}`,
    ).get(
      instance.organization,
      instance.connectorKey,
      instance.name,
      instance.tokenHash,
      JSON.stringify(instance.configuration),
      JSON.stringify(instance.tags),
      now,
      now,
    ) as unknown as Row
    return toRecord(row)
  }

  /** The organization's instance with this id, if there is one. */
  get(organization: string, id: number): InstanceRecord | undefined {
    const row = this.#statement(
      `SELECT ${columns} FROM instances WHERE id = ? AND organization = ?`,
    ).get(id, organization) as Row | undefined
    return row === undefined ? undefined : toRecord(row)
  }

  /** The instance whose token has this sha256, if there is one. */
  getByTokenHash(tokenHash: Buffer): InstanceRecord | undefined {
    const row = this.#statement(`SELECT ${columns} FROM instances WHERE token_hash = ?`).get(
      tokenHash,
    ) as Row | undefined
    return row === undefined ? undefined : toRecord(row)
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
      const row = this.#statement(
        `UPDATE instances SET name = ?, configuration = ?, tags = ?, disabled = ?, updated_date = ?
         WHERE id = ? AND organization = ? RETURNING ${columns}`,
      ).get(
        next.name,
        JSON.stringify(next.configuration),
        JSON.stringify(next.tags),
        next.disabled ? 1 : 0,
        next.updatedDate,
        id,
        organization,
      ) as Row | undefined
      return row === undefined ? undefined : toRecord(row)
    })
  }

  /** Deletes the organization's instance; whether there was one. */
  delete(organization: string, id: number): boolean {
    const result = this.#statement('DELETE FROM instances WHERE id = ? AND organization = ?').run(
      id,
      organization,
    )
    return Number(result.changes) > 0
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
    const conditions = ['organization = ?', 'id > ?']
    const values: SQLInputValue[] = [query.organization, query.afterId]
    if (query.searchText !== undefined && query.searchText !== '') {
      const pattern = `%${query.searchText.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
      conditions.push("(name LIKE ? ESCAPE '\\' OR connector_key LIKE ? ESCAPE '\\')")
      values.push(pattern, pattern)
    }
    const tags = [...new Set(query.tags)]
    if (tags.length === 1) {
      conditions.push(
        'EXISTS (SELECT 1 FROM instance_tags t WHERE t.instance_id = instances.id AND t.tag = ?)',
      )
      values.push(tags[0] as string)
    } else if (tags.length > 1) {
      // One condition for any number of tags (one EXISTS per tag overflows SQLite's expression
      // depth at about a thousand tags): the instance carries as many of the tags as were asked.
      conditions.push(
        '(SELECT COUNT(*) FROM instance_tags t WHERE t.instance_id = instances.id AND t.tag IN (SELECT value FROM json_each(?))) = ?',
      )
      values.push(JSON.stringify(tags), tags.length)
    }
    values.push(query.limit)
    const sql = `SELECT ${columns} FROM instances WHERE ${conditions.join(' AND ')} ORDER BY id LIMIT ?`
    for (const row of this.#statement(sql).iterate(...values)) {
      yield toRecord(row as unknown as Row)
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
    if (!Number.isInteger(options.count) || options.count < 1) {
      throw new RangeError('seed: count must be a positive integer')
    }
    const now = new Date().toISOString()
    const configuration = JSON.stringify(options.configuration)
    const insert = this.#statement(
      `INSERT INTO instances (organization, connector_key, name, token_hash, configuration, tags, disabled, created_date, updated_date)
       VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)`,
    )
    return this.#transaction(() => {
      let firstId = 0
      let lastId = 0
      for (let index = 0; index < options.count; index++) {
        const tags = [...new Set(options.tags?.(index) ?? [])]
        const result = insert.run(
          options.organization,
          options.connectorKey,
          options.name?.(index) ?? `seed-${index}`,
          random32(),
          configuration,
          JSON.stringify(tags),
          now,
          now,
        )
        lastId = Number(result.lastInsertRowid)
        if (index === 0) firstId = lastId
      }
      return { firstId, lastId }
    })
  }

  /** Closes the database. */
  close(): void {
    if (this.#db.isOpen) this.#db.close()
  }
}
