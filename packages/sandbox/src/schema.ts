import type { DatabaseSync } from 'node:sqlite'

/** One row of the instances table, as node:sqlite reads it. */
export interface Row {
  id: number
  organization: string
  connector_key: string
  name: string
  configuration: string
  tags: string
  disabled: number
  created_date: string
  updated_date: string
  sealed: Uint8Array | null
  sealed_token: Uint8Array | null
  owner: string | null
}

/** The schema, one migration per version; `PRAGMA user_version` records how many ran. */
export const migrations: readonly string[] = [
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
  // Secret configuration values move to the sealed column (AES-256-GCM); key_check holds one sealed
  // value, to tell a wrong key at open rather than at the first read.
  `ALTER TABLE instances ADD COLUMN sealed BLOB;
   CREATE TABLE key_check (id INTEGER PRIMARY KEY CHECK (id = 1), sealed BLOB NOT NULL);`,
  // The token, sealed, so that GET and list answers carry it as the platform's do (lookups still
  // go by token_hash); and the id of the user who provisioned the instance.
  `ALTER TABLE instances ADD COLUMN sealed_token BLOB;
   ALTER TABLE instances ADD COLUMN owner TEXT;`,
  // Tags are filtered on the instance row's own JSON array (list-query.ts): the tag rows, their
  // index by tag (which no query read) and the triggers keeping them in step cost every provision
  // a trigger and four B-tree writes.
  // From this version on, a row's token is sealed with its secrets, in `sealed` (see
  // SecretVault.pack): `sealed_token` is only read in rows written before, and cleared when one is
  // rewritten. A sandbox of version 4 refuses the file rather than misread it.
  `DROP TRIGGER IF EXISTS instance_tags_on_insert;
   DROP TRIGGER IF EXISTS instance_tags_on_update;
   DROP TABLE IF EXISTS instance_tags;`,
]

/**
 * Migrates the schema to {@link SCHEMA_VERSION}, one migration per transaction; returns the version
 * the database had before. A database newer than this sandbox is refused.
 */
export function migrate(db: DatabaseSync): number {
  const { user_version: version } = db.prepare('PRAGMA user_version').get() as {
    user_version: number
  }
  if (version > migrations.length) {
    throw new Error(
      `The sandbox database has schema version ${version}, newer than this sandbox's ${migrations.length}: use a newer @plugboard/sandbox or another database file.`,
    )
  }
  for (let next = version; next < migrations.length; next++) {
    db.exec('BEGIN IMMEDIATE')
    try {
      db.exec(migrations[next] as string)
      db.exec(`PRAGMA user_version = ${next + 1}`)
      db.exec('COMMIT')
    } catch (error) {
      db.exec('ROLLBACK')
      throw error
    }
  }
  return version
}

/** The first schema version that seals secrets: older rows are sealed when it is reached. */
export const SEALING_VERSION = 3
/** The text sealed in key_check. */
export const KEY_CHECK = 'plugboard-sandbox key check'

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

/** The instance columns every read selects. */
export const columns =
  'id, organization, connector_key, name, configuration, tags, disabled, created_date, updated_date, sealed, sealed_token, owner'
