import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterAll, describe, expect, it } from 'vitest'
import { keyFilePath, SANDBOX_KEY_ENV } from '../../src/secrets-at-rest.js'
import { startSandbox } from '../../src/server.js'
import { SandboxStore } from '../../src/store.js'
import { sendJson } from './json-call.js'

const directory = mkdtempSync(join(tmpdir(), 'plugboard-at-rest-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

const chargebeeSecrets = (key: string) =>
  key === 'chargebee' ? new Set(['username', 'password']) : new Set<string>()

/** Every byte the database keeps on disk: the file, its WAL and its shared-memory file. */
function databaseBytes(database: string): Buffer {
  return Buffer.concat(
    [database, `${database}-wal`, `${database}-shm`]
      .filter((file) => existsSync(file))
      .map((file) => readFileSync(file)),
  )
}

function mode(file: string): string {
  return (statSync(file).mode & 0o777).toString(8)
}

describe('secrets at rest (issue 12, item 11)', () => {
  it('creates the database, its WAL and its key file readable by the owner only', async () => {
    const previous = process.umask(0o022)
    try {
      const database = join(directory, 'modes.db')
      const server = await startSandbox({ database })
      const created = await sendJson(server, 'POST', '/instances', {
        your_mom: { key: 'chargebee' },
        name: 'Modes',
        configuration: { site: 'acme-test', username: 'key' },
      })
      expect(created.status).toBe(200)
      expect(mode(database)).toBe('600')
      expect(mode(`${database}-wal`)).toBe('600')
      expect(mode(keyFilePath(database))).toBe('600')
      await server.close()
      chmodSync(database, 0o644)
      await (await startSandbox({ database })).close()
      expect(mode(database)).toBe('600')
    } finally {
      process.umask(previous)
    }
  })

  it('never writes a secret configuration value in clear, and reads every one back', async () => {
    const database = join(directory, 'sealed.db')
    const server = await startSandbox({ database })
    const secrets = {
      provisioned: `cb_live_${randomBytes(12).toString('hex')}`,
      password: `pw-${randomBytes(12).toString('hex')}`,
      put: `cb_put_${randomBytes(12).toString('hex')}`,
      entry: `pw-entry-${randomBytes(12).toString('hex')}`,
    }
    const created = await sendJson(server, 'POST', '/instances', {
      your_mom: { key: 'chargebee' },
      name: 'Sealed',
      configuration: {
        site: 'acme-test',
        username: secrets.provisioned,
        password: secrets.password,
      },
    })
    const id = created.body.id as number
    const second = await sendJson(server, 'POST', '/instances', {
      your_mom: { key: 'chargebee' },
      name: 'Replaced',
      configuration: { site: 'acme-test', username: secrets.provisioned },
    })
    expect(
      (
        await sendJson(server, 'PUT', `/instances/${second.body.id}`, {
          name: 'Replaced',
          configuration: { site: 'acme-test', username: secrets.put },
        })
      ).status,
    ).toBe(200)
    const patched = await sendJson(server, 'PATCH', `/instances/${id}/configuration/password`, {
      propertyValue: secrets.entry,
    })
    expect(patched.body.propertyValue).toBe('********')
    // A masked value sent back keeps the sealed one.
    expect(
      (
        await sendJson(server, 'PATCH', `/instances/${id}`, {
          configuration: { password: '********', site: 'acme-live' },
        })
      ).status,
    ).toBe(200)

    const onDisk = databaseBytes(database)
    for (const secret of Object.values(secrets)) {
      expect(onDisk.includes(Buffer.from(secret)), secret).toBe(false)
    }
    expect(onDisk.includes(Buffer.from('acme-live'))).toBe(true)
    await server.close()
    expect(databaseBytes(database).includes(Buffer.from(secrets.put))).toBe(false)

    const store = new SandboxStore(database, { secretKeys: chargebeeSecrets })
    try {
      expect(store.get('sandbox', id)?.configuration).toMatchObject({
        site: 'acme-live',
        username: secrets.provisioned,
        password: secrets.entry,
      })
      expect(store.get('sandbox', second.body.id as number)?.configuration.username).toBe(
        secrets.put,
      )
    } finally {
      store.close()
    }
  })

  it('takes the key from PLUGBOARD_SANDBOX_KEY and refuses a wrong or missing key without showing it', async () => {
    const database = join(directory, 'env-key.db')
    const key = randomBytes(32).toString('base64')
    const env = { [SANDBOX_KEY_ENV]: key }
    const store = new SandboxStore(database, { env, secretKeys: chargebeeSecrets })
    store.insert({
      organization: 'o',
      connectorKey: 'chargebee',
      name: 'n',
      configuration: { site: 's', username: 'env-sealed-value' },
      tags: [],
      tokenHash: randomBytes(32),
    })
    store.close()
    expect(existsSync(keyFilePath(database))).toBe(false)
    expect(databaseBytes(database).includes(Buffer.from('env-sealed-value'))).toBe(false)

    const wrong = randomBytes(32).toString('base64')
    const refusals = [
      () => new SandboxStore(database, { env: { [SANDBOX_KEY_ENV]: wrong } }),
      () => new SandboxStore(database, { env: {} }),
      () => new SandboxStore(database, { env: { [SANDBOX_KEY_ENV]: 'short' } }),
    ]
    const messages = refusals.map((open) => {
      try {
        open().close()
        return 'opened'
      } catch (error) {
        return (error as Error).message
      }
    })
    expect(messages[0]).toMatch(/does not open this database/)
    expect(messages[1]).toMatch(/key file .* is missing/)
    expect(messages[2]).toMatch(/PLUGBOARD_SANDBOX_KEY must hold 32 bytes/)
    for (const message of messages) {
      expect(message).not.toContain(wrong)
      expect(message).not.toContain(key)
    }
    const reopened = new SandboxStore(database, { env, secretKeys: chargebeeSecrets })
    expect(reopened.get('o', 1)?.configuration.username).toBe('env-sealed-value')
    reopened.close()
  })

  it('asks for a key for a file: URI database, which gets no key file', () => {
    expect(() => new SandboxStore(`file:${join(directory, 'uri.db')}`, { env: {} })).toThrow(
      /file: URI database gets no key file/,
    )
  })

  it('refuses a key file other users can read', () => {
    const database = join(directory, 'open-key.db')
    new SandboxStore(database).close()
    chmodSync(keyFilePath(database), 0o644)
    expect(() => new SandboxStore(database)).toThrow(/can be read by other users \(mode 0644\)/)
  })

  it('seals the secrets of a database written before sealing, and leaves none in clear', async () => {
    const database = join(directory, 'legacy.db')
    const legacy = new SandboxStore(database, { secretKeys: chargebeeSecrets })
    const record = legacy.insert({
      organization: 'sandbox',
      connectorKey: 'chargebee',
      name: 'Legacy',
      configuration: { site: 's', password: 'placeholder' },
      tags: [],
      tokenHash: randomBytes(32),
    })
    legacy.close()
    // Rewind the file to schema version 2: secrets in clear in the configuration column.
    const db = new DatabaseSync(database)
    db.prepare('UPDATE instances SET configuration = ? WHERE id = ?').run(
      JSON.stringify({ site: 's', password: 'legacy-clear-secret' }),
      record.id,
    )
    db.exec(
      'ALTER TABLE instances DROP COLUMN sealed_token; ALTER TABLE instances DROP COLUMN owner; ALTER TABLE instances DROP COLUMN sealed; DROP TABLE key_check; PRAGMA user_version = 2',
    )
    db.exec('VACUUM')
    db.close()
    rmSync(keyFilePath(database))
    expect(databaseBytes(database).includes(Buffer.from('legacy-clear-secret'))).toBe(true)

    const server = await startSandbox({ database })
    const got = await sendJson(server, 'GET', `/instances/${record.id}`)
    expect(got.body.configuration).toMatchObject({ password: '********' })
    expect(databaseBytes(database).includes(Buffer.from('legacy-clear-secret'))).toBe(false)
    await server.close()
    const store = new SandboxStore(database, { secretKeys: chargebeeSecrets })
    expect(store.get('sandbox', record.id)?.configuration.password).toBe('legacy-clear-secret')
    store.close()
  })
})
