import type { DatabaseSync } from 'node:sqlite'
import { KEY_CHECK, type Row } from './schema.js'
import type { SecretVault } from './secrets-at-rest.js'

/**
 * Checks the key against the database's sealed check value, or stores one when there is none
 * yet: a wrong key stops the store at open, not at the first read of a secret.
 */
export function checkKey(
  db: DatabaseSync,
  vault: SecretVault,
  sealed: Uint8Array | undefined,
): void {
  if (sealed === undefined) {
    db.prepare('INSERT INTO key_check (id, sealed) VALUES (1, ?)').run(vault.seal(KEY_CHECK))
    return
  }
  let opened: string | undefined
  try {
    opened = vault.open(sealed)
  } catch {}
  if (opened !== KEY_CHECK) {
    throw new Error(
      'The encryption key does not open this database: it was sealed with another key (check PLUGBOARD_SANDBOX_KEY or the key file beside the database).',
    )
  }
}

/**
 * Seals the secrets of rows written before sealing existed, in one transaction, then truncates
 * the WAL: with `secure_delete` on, the file keeps no copy of them in clear.
 */
export function sealOlderRows(db: DatabaseSync, vault: SecretVault): void {
  db.exec('BEGIN IMMEDIATE')
  try {
    const rows = db
      .prepare('SELECT id, connector_key, configuration FROM instances WHERE sealed IS NULL')
      .all() as unknown as Pick<Row, 'id' | 'connector_key' | 'configuration'>[]
    const write = db.prepare('UPDATE instances SET configuration = ?, sealed = ? WHERE id = ?')
    for (const row of rows) {
      const packed = vault.pack(row.connector_key, JSON.parse(row.configuration))
      if (packed.sealed !== null) write.run(packed.text, packed.sealed, row.id)
    }
    db.exec('COMMIT')
  } catch (error) {
    db.exec('ROLLBACK')
    throw error
  }
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
}
