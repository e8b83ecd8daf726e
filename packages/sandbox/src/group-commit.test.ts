import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterAll, describe, expect, it } from 'vitest'
import { startSandbox } from './server.js'
import { type NewInstance, SandboxStore } from './store.js'

const directory = mkdtempSync(join(tmpdir(), 'plugboard-group-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))
const key = Buffer.alloc(32, 7)

function instance(index: number): NewInstance {
  return {
    organization: 'o',
    connectorKey: 'k',
    name: `n${index}`,
    configuration: {},
    tags: ['t'],
    tokenHash: Buffer.alloc(32, index),
  }
}

/** The names stored in `file`, read by a connection of its own. */
function storedNames(file: string): string[] {
  const db = new DatabaseSync(file, { readOnly: true })
  try {
    return db
      .prepare('SELECT name FROM instances ORDER BY id')
      .all()
      .map((row) => String(row.name))
  } finally {
    db.close()
  }
}

describe('group commit (file database)', () => {
  it('settles each write only once its transaction has committed', async () => {
    const file = join(directory, 'visible.db')
    const store = new SandboxStore(file, { key })
    const seen = await Promise.all(
      [1, 2, 3].map((index) =>
        store.write(() => store.insert(instance(index))).then(() => storedNames(file)),
      ),
    )
    // Another connection sees every write of the group as soon as the first caller hears back.
    for (const names of seen) expect(names).toEqual(['n1', 'n2', 'n3'])
    store.close()
  })

  it('fails only the write that threw, rolling back its own changes', async () => {
    const file = join(directory, 'failing.db')
    const store = new SandboxStore(file, { key })
    const results = await Promise.allSettled([
      store.write(() => store.insert(instance(1))),
      store.write(() => {
        store.insert(instance(2))
        throw new Error('refused after writing')
      }),
      // The same token digest as the first: the UNIQUE index refuses it.
      store.write(() => store.insert({ ...instance(1), name: 'duplicate' })),
      store.write(() => store.insert(instance(4))),
    ])
    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
    ])
    expect(String((results[1] as PromiseRejectedResult).reason)).toContain('refused after writing')
    expect(String((results[2] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/)
    store.close()
    expect(storedNames(file)).toEqual(['n1', 'n4'])
  })

  it('makes again the writes of a transaction SQLite ended, and keeps them', async () => {
    const file = join(directory, 'ended.db')
    const store = new SandboxStore(file, { key })
    const results = await Promise.allSettled([
      store.write(() => store.insert(instance(1))),
      store.write(() => {
        // Stands in for an error after which SQLite rolls the whole transaction back.
        store.database.exec('ROLLBACK')
        throw new Error('transaction lost')
      }),
      store.write(() => store.insert(instance(3))),
    ])
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    store.close()
    expect(storedNames(file).sort()).toEqual(['n1', 'n3'])
  })

  it('rolls back a write alone in its transaction that threw, and goes on writing', async () => {
    const file = join(directory, 'lone.db')
    const store = new SandboxStore(file, { key })
    await store.write(() => store.insert(instance(1)))
    // Each awaited before the next: every write is alone in its turn of the event loop.
    await expect(
      store.write(() => {
        store.insert(instance(2))
        throw new Error('refused after writing')
      }),
    ).rejects.toThrow('refused after writing')
    await expect(store.write(() => store.insert({ ...instance(1), name: 'dup' }))).rejects.toThrow(
      /UNIQUE/,
    )
    await expect(
      store.write(() => {
        store.database.exec('ROLLBACK')
        throw new Error('transaction lost')
      }),
    ).rejects.toThrow('transaction lost')
    await expect(store.write(() => store.insert(instance(5)))).resolves.toMatchObject({
      name: 'n5',
    })
    // Seen by another connection before the store closes: each write was committed on its own.
    expect(storedNames(file)).toEqual(['n1', 'n5'])
    store.close()
  })

  it('commits writes still queued when the store closes', async () => {
    const file = join(directory, 'closing.db')
    const store = new SandboxStore(file, { key })
    const written = store.write(() => store.insert(instance(1)))
    store.close()
    await expect(written).resolves.toMatchObject({ name: 'n1' })
    expect(storedNames(file)).toEqual(['n1'])
  })

  it('keeps every concurrently acknowledged provision across a restart', async () => {
    const file = join(directory, 'sandbox.db')
    const options = { database: file, encryptionKey: key }
    const first = await startSandbox(options)
    const headers = { authorization: first.authorization, 'content-type': 'application/json' }
    const provision = (index: number) =>
      fetch(`${first.baseUrl}/instances`, {
        method: 'POST',
        headers,
        body: JSON.stringify(
          index === 5
            ? { your_mom: { key: 'chargebee' }, name: 'bad', configuration: { site: 'x' } }
            : {
                your_mom: { key: 'chargebee' },
                name: `group-${index}`,
                configuration: { site: 'acme-test', username: `key-${index}` },
              },
        ),
      }).then(async (response) => ({
        status: response.status,
        body: (await response.json()) as { id: number; token: string },
      }))
    const answers = await Promise.all(Array.from({ length: 24 }, (_, index) => provision(index)))
    // The one client mistake (a missing required entry) is answered 400; the others are written.
    expect(answers.map((answer) => answer.status)).toEqual(
      answers.map((_, index) => (index === 5 ? 400 : 200)),
    )
    await first.close()

    const second = await startSandbox(options)
    try {
      for (const [index, answer] of answers.entries()) {
        if (index === 5) continue
        const response = await fetch(`${second.baseUrl}/instances/${answer.body.id}`, {
          headers: { authorization: second.authorization },
        })
        const stored = (await response.json()) as { name: string; token: string }
        expect(stored).toMatchObject({ name: `group-${index}`, token: answer.body.token })
      }
    } finally {
      await second.close()
    }
  })
})
