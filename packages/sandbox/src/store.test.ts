import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterAll, describe, expect, it } from 'vitest'
import { migrations } from './schema.js'
import { SandboxStore, SCHEMA_VERSION } from './store.js'

const directory = mkdtempSync(join(tmpdir(), 'plugboard-store-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

function version(file: string): number {
  const db = new DatabaseSync(file)
  try {
    return (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version
  } finally {
    db.close()
  }
}

describe('SandboxStore', () => {
  it('migrates a new file to the current schema version, in WAL mode, and reopens it', () => {
    const file = join(directory, 'migrate.db')
    const store = new SandboxStore(file)
    store.close()
    expect(version(file)).toBe(SCHEMA_VERSION)
    const db = new DatabaseSync(file)
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' })
    const indexes = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'")
      .all()
      .map((row) => row.name)
    expect(indexes).toContain('instances_by_organization')
    // Tags are filtered on the instance rows' own JSON arrays: no tag rows, triggers or index.
    const tagObjects = db
      .prepare("SELECT name FROM sqlite_master WHERE name LIKE 'instance_tags%'")
      .all()
    expect(tagObjects).toEqual([])
    db.close()
    new SandboxStore(file).close()
    expect(version(file)).toBe(SCHEMA_VERSION)
  })

  it('filters by the tags as inserted and updated, also after migrating from version 1', () => {
    const file = join(directory, 'tags.db')
    // Schema version 1, with one instance as that version wrote it: its tag rows written beside it.
    const db = new DatabaseSync(file)
    db.exec(migrations[0] as string)
    db.exec('PRAGMA user_version = 1')
    const { lastInsertRowid: old } = db
      .prepare(
        `INSERT INTO instances (organization, connector_key, name, token_hash, configuration, tags, created_date, updated_date)
         VALUES ('a', 'k', 'old', ?, '{}', '["x","old"]', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`,
      )
      .run(Buffer.alloc(32, 9))
    db.prepare("INSERT INTO instance_tags (instance_id, tag) VALUES (?, 'x'), (?, 'old')").run(
      old,
      old,
    )
    db.close()
    const store = new SandboxStore(file)
    expect(version(file)).toBe(SCHEMA_VERSION)
    const tagged = (tag: string) =>
      store.list({ organization: 'a', tags: [tag], afterId: 0, limit: 10 }).map((r) => r.id)
    const base = { organization: 'a', connectorKey: 'k', name: 'n', configuration: {} }
    const one = store.insert({ ...base, tags: ['x', 'y'], tokenHash: Buffer.alloc(32, 1) })
    const two = store.insert({ ...base, tags: [], tokenHash: Buffer.alloc(32, 2) })
    expect(tagged('old')).toEqual([Number(old)])
    expect(tagged('x')).toEqual([Number(old), one.id])
    store.delete('a', Number(old))
    expect(tagged('x')).toEqual([one.id])
    expect(store.update('a', two.id, { tags: ['x'] })?.tags).toEqual(['x'])
    expect(tagged('x')).toEqual([one.id, two.id])
    store.update('a', one.id, { tags: ['z'] })
    store.update('a', one.id, { name: 'renamed' })
    expect(tagged('x')).toEqual([two.id])
    expect(tagged('y')).toEqual([])
    expect(tagged('z')).toEqual([one.id])
    expect(() => store.insert({ ...base, tags: ['w'], tokenHash: Buffer.alloc(32, 1) })).toThrow()
    expect(tagged('w')).toEqual([])
    store.close()
  })

  it('refuses a database written by a newer sandbox', () => {
    const file = join(directory, 'newer.db')
    const db = new DatabaseSync(file)
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`)
    db.close()
    expect(() => new SandboxStore(file)).toThrow(/newer than this sandbox/)
  })

  it('pages with a keyset query that uses the organization index', () => {
    const store = new SandboxStore(':memory:')
    store.seed({ count: 50, organization: 'a', connectorKey: 'k', configuration: {} })
    store.seed({ count: 50, organization: 'b', connectorKey: 'k', configuration: {} })
    const first = store.list({ organization: 'a', tags: [], afterId: 0, limit: 10 })
    expect(first.map((r) => r.id)).toEqual(Array.from({ length: 10 }, (_, n) => n + 1))
    const later = store.list({ organization: 'b', tags: [], afterId: 90, limit: 100 })
    expect(later.map((r) => r.id)).toEqual(Array.from({ length: 10 }, (_, n) => n + 91))
    store.close()

    const file = join(directory, 'plan.db')
    new SandboxStore(file).close()
    const db = new DatabaseSync(file)
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT * FROM instances WHERE organization = ? AND id > ? ORDER BY id LIMIT ?',
      )
      .all('a', 0, 10)
      .map((row) => String(row.detail))
      .join('\n')
    expect(plan).toContain('instances_by_organization')
    expect(plan).not.toContain('TEMP B-TREE')
    db.close()
  })
})
