import type { DatabaseSync } from 'node:sqlite'
import { random32 } from './random.js'
import type { SecretVault } from './secrets-at-rest.js'
import type { InstanceRecord, NewInstance, SeedOptions } from './store-types.js'

/** The statement that writes one new instance (its tag rows follow by trigger). */
export const INSERT_INSTANCE = `INSERT INTO instances (organization, connector_key, name, token_hash, configuration, tags, disabled, created_date, updated_date, sealed, owner)
  VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`

/**
 * `String.prototype.toWellFormed` (ES2024; every Node this package supports has it): each lone
 * surrogate becomes U+FFFD.
 */
function wellFormed(text: string): string {
  return (text as unknown as { toWellFormed(): string }).toWellFormed()
}

/**
 * The record of an instance just written with id `id` at `now`, built from what was written
 * rather than read back. SQLite stores text as UTF-8, so a lone surrogate in a text column comes
 * back as U+FFFD: {@link wellFormed} makes the same change here. The configuration and the tags are
 * stored as JSON, which escapes lone surrogates, so they come back exactly as given.
 */
export function writtenRecord(id: number, instance: NewInstance, now: string): InstanceRecord {
  return {
    id,
    organization: wellFormed(instance.organization),
    connectorKey: wellFormed(instance.connectorKey),
    name: wellFormed(instance.name),
    configuration: { ...instance.configuration },
    tags: [...instance.tags],
    disabled: false,
    createdDate: now,
    updatedDate: now,
    ...(instance.token === undefined ? {} : { token: instance.token }),
    ...(instance.owner === undefined ? {} : { owner: wellFormed(instance.owner) }),
  }
}

/**
 * Inserts `options.count` instances; call it inside a transaction. Every seeded instance shares
 * one configuration, sealed once; their tokens are random and never kept in clear.
 *
 * @returns the first and last id inserted (`count` consecutive ids).
 */
export function seedRows(
  db: DatabaseSync,
  vault: SecretVault,
  options: SeedOptions,
): { firstId: number; lastId: number } {
  if (!Number.isInteger(options.count) || options.count < 1) {
    throw new RangeError('seed: count must be a positive integer')
  }
  const now = new Date().toISOString()
  const packed = vault.pack(options.connectorKey, options.configuration)
  const insert = db.prepare(
    `INSERT INTO instances (organization, connector_key, name, token_hash, configuration, tags, disabled, created_date, updated_date, sealed)
     VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
  )
  let firstId = 0
  let lastId = 0
  for (let index = 0; index < options.count; index++) {
    const tags = [...new Set(options.tags?.(index) ?? [])]
    const result = insert.run(
      options.organization,
      options.connectorKey,
      options.name?.(index) ?? `seed-${index}`,
      random32(),
      packed.text,
      JSON.stringify(tags),
      now,
      now,
      packed.sealed,
    )
    lastId = Number(result.lastInsertRowid)
    if (index === 0) firstId = lastId
  }
  return { firstId, lastId }
}
