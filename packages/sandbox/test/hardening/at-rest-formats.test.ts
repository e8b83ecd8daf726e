import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterAll, describe, expect, it } from 'vitest'
import { startSandbox } from '../../src/server.js'
import { SandboxStore, SCHEMA_VERSION } from '../../src/store.js'
import { sendJson } from './json-call.js'

const directory = mkdtempSync(join(tmpdir(), 'plugboard-formats-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

const fixture = join(import.meta.dirname, '..', 'fixtures', 'schema-v4')

/** What the sandbox of schema version 4 was sent and answered (see fixtures/schema-v4/make.ts). */
interface Expected {
  readonly key: string
  readonly sent: readonly { configuration: Record<string, string>; name: string }[]
  readonly answers: readonly {
    id: number
    token: string
    name: string
    tags: string[]
    configuration: Record<string, unknown>
  }[]
  readonly seeded: { firstId: number; lastId: number }
}

const expected = JSON.parse(readFileSync(join(fixture, 'expected.json'), 'utf8')) as Expected

/** Every byte the database keeps on disk: the file, its WAL and its shared-memory file. */
function databaseBytes(database: string): Buffer {
  return Buffer.concat(
    [database, `${database}-wal`, `${database}-shm`]
      .filter((file) => existsSync(file))
      .map((file) => readFileSync(file)),
  )
}

function rawRows(database: string) {
  const db = new DatabaseSync(database, { readOnly: true })
  try {
    return db
      .prepare(
        'SELECT id, sealed IS NULL AS noSealed, sealed_token IS NULL AS noToken FROM instances',
      )
      .all() as { id: number; noSealed: number; noToken: number }[]
  } finally {
    db.close()
  }
}

describe('stored formats: a database written by the sandbox of schema version 4', () => {
  const database = join(directory, 'v4.db')
  copyFileSync(join(fixture, 'instances.sqlite'), database)
  const [first, second] = expected.answers

  it('holds the token and the secrets as two sealed values (the fixture is what it claims)', () => {
    const db = new DatabaseSync(database, { readOnly: true })
    expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: 4 })
    db.close()
    expect(
      rawRows(database)
        .filter((row) => row.noToken === 0)
        .map((row) => row.id),
    ).toEqual([first?.id, second?.id])
  })

  it('opens, migrates, and answers every instance as it was answered when written', async () => {
    const server = await startSandbox({ database, encryptionKey: expected.key })
    try {
      for (const answer of expected.answers) {
        const got = await sendJson(server, 'GET', `/instances/${answer.id}`)
        expect(got.status).toBe(200)
        expect(got.body.token).toBe(answer.token)
        expect(got.body.configuration).toEqual(answer.configuration)
        expect(got.body.tags).toEqual(answer.tags)
        // The token still finds its instance.
        const byToken = await fetch(`${server.baseUrl}/instances`, {
          headers: { authorization: `${server.authorization}, Element ${answer.token}` },
        })
        const found = (await byToken.json()) as { id: number } | { id: number }[]
        expect(Array.isArray(found) ? found.map((i) => i.id) : [found.id]).toEqual([answer.id])
      }
      const tagged = await sendJson(server, 'GET', '/instances?tags[]=seeded')
      expect((tagged.body as unknown as { id: number }[]).map((i) => i.id)).toEqual([
        expected.seeded.firstId,
        expected.seeded.lastId,
      ])
    } finally {
      await server.close()
    }
    const db = new DatabaseSync(database, { readOnly: true })
    expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: SCHEMA_VERSION })
    db.close()
  })

  it('reads the secrets in clear from both formats, and rewrites a row it updates in the current one', async () => {
    const store = new SandboxStore(database, { key: expected.key })
    try {
      for (const [index, answer] of expected.answers.entries()) {
        const record = store.getById(answer.id)
        expect(record?.configuration).toMatchObject(expected.sent[index]?.configuration ?? {})
        expect(record?.token).toBe(answer.token)
      }
      const seeded = store.getById(expected.seeded.firstId)
      expect(seeded?.token).toBeUndefined()
      expect(seeded?.configuration.username).toMatch(/^test_/)
    } finally {
      store.close()
    }

    const server = await startSandbox({ database, encryptionKey: expected.key })
    const renamed = await sendJson(server, 'PATCH', `/instances/${first?.id}`, { name: 'Renamed' })
    expect(renamed.status).toBe(200)
    expect(renamed.body.token).toBe(first?.token)
    await server.close()
    const rows = rawRows(database)
    expect(rows.find((row) => row.id === first?.id)).toMatchObject({ noSealed: 0, noToken: 1 })
    expect(rows.find((row) => row.id === second?.id)).toMatchObject({ noToken: 0 })

    const reopened = new SandboxStore(database, { key: expected.key })
    try {
      const record = reopened.getById(first?.id ?? 0)
      expect(record?.token).toBe(first?.token)
      expect(record?.name).toBe('Renamed')
      expect(record?.configuration).toMatchObject(expected.sent[0]?.configuration ?? {})
    } finally {
      reopened.close()
    }
    const bytes = databaseBytes(database)
    for (const clear of [
      ...expected.answers.map((answer) => answer.token),
      ...expected.sent.flatMap((sent) => [
        sent.configuration.username,
        sent.configuration.password,
      ]),
    ]) {
      if (clear !== undefined) expect(bytes.includes(Buffer.from(clear))).toBe(false)
    }
  })
})

describe('stored formats: the current one', () => {
  it('seals the token of a new instance with its secrets in one value, and reads it back', async () => {
    const database = join(directory, 'current.db')
    const server = await startSandbox({ database })
    const created = await sendJson(server, 'POST', '/instances', {
      your_mom: { key: 'chargebee' },
      name: 'Current',
      configuration: { site: 'acme-test', username: 'test_currentKey', password: 'current-pw' },
    })
    expect(created.status).toBe(200)
    const id = created.body.id as number
    const token = created.body.token as string
    await server.close()
    expect(rawRows(database)).toEqual([{ id, noSealed: 0, noToken: 1 }])
    const bytes = databaseBytes(database)
    for (const clear of [token, 'test_currentKey', 'current-pw']) {
      expect(bytes.includes(Buffer.from(clear))).toBe(false)
    }
    const store = new SandboxStore(database)
    expect(store.getById(id)).toMatchObject({
      token,
      configuration: { username: 'test_currentKey', password: 'current-pw' },
    })
    store.close()
  })
})
