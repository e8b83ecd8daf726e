import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inspect } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli-run.js'
import { ORGANIZATION_ENV } from '../../src/cli-secrets.js'
import { RawConnection, requestHead } from './raw-http.js'

const directory = mkdtempSync(join(tmpdir(), 'plugboard-scan-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

const fresh = (prefix: string) => `${prefix}${randomBytes(12).toString('hex')}`

describe('secrets scan of the sandbox (issue 12, acceptance)', () => {
  it('finds no secret in logs, answers, error messages, util.inspect output or the database file', async () => {
    // The platform echoes an API key (`username`) and the token in the owner's successful answers
    // (issue 14): those two may appear there, and nowhere else; password-type values never do.
    const userSecret = fresh('user-')
    const organizationSecret = fresh('org-')
    const database = join(directory, 'scan.db')
    const logs: string[] = []
    const output = { out: (t: string) => logs.push(t), err: (t: string) => logs.push(t) }
    const env = {
      [ORGANIZATION_ENV.userSecret]: userSecret,
      [ORGANIZATION_ENV.organizationSecret]: organizationSecret,
    }
    const result = await runCli(['--port', '0', '--db', database], output, env)
    if (!('sandbox' in result)) throw new Error(`the bin did not start: ${logs.join('')}`)
    const server = result.sandbox
    const authorization = `User ${userSecret}, Organization ${organizationSecret}`
    const configurationSecrets: string[] = []
    const echoedSecrets: string[] = []
    const tokens: string[] = []
    const answers: string[] = []
    const okAnswers: string[] = []
    const send = async (method: string, path: string, body?: unknown, auth = authorization) => {
      const response = await fetch(`${server.baseUrl}${path}`, {
        method,
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const text = await response.text()
      return { status: response.status, text, headers: [...response.headers].join('\n') }
    }
    const seen = async (method: string, path: string, body?: unknown, auth?: string) => {
      const answer = await send(method, path, body, auth)
      ;(answer.status < 300 ? okAnswers : answers).push(answer.text)
      answers.push(answer.headers)
      return answer
    }
    const secret = (prefix: string, echoed = false) => {
      const value = fresh(prefix)
      ;(echoed ? echoedSecrets : configurationSecrets).push(value)
      return value
    }

    try {
      // Provision: the token comes back once, in this answer only (kept out of the scanned answers).
      const provisioned = await send('POST', '/instances', {
        your_mom: { key: 'chargebee' },
        name: 'Scanned',
        configuration: {
          site: 'acme-test',
          username: secret('cb_', true),
          password: secret('pw_'),
        },
      })
      expect(provisioned.status).toBe(200)
      const { id, token } = JSON.parse(provisioned.text) as { id: number; token: string }
      tokens.push(token)
      const withToken = `${authorization}, Element ${token}`

      // Every way of sending a secret value, valid or not.
      await seen('GET', `/instances/${id}`)
      await seen('GET', `/instances/${id}/configuration`)
      await seen('PUT', `/instances/${id}`, {
        name: 'Scanned',
        configuration: { site: 'acme-test', username: secret('put_', true) },
      })
      await seen('PATCH', `/instances/${id}`, { configuration: { password: secret('patch_') } })
      await seen('PATCH', `/instances/${id}/configuration/password`, {
        propertyValue: secret('entry_'),
      })
      await seen(
        'PATCH',
        '/instances/configuration/username',
        { propertyValue: secret('tok_', true) },
        withToken,
      )
      await seen('POST', '/instances', {
        your_mom: { key: 'chargebee' },
        name: 'Refused',
        configuration: { site: 'Not A Site!', username: secret('bad_'), password: 42 },
      })
      await seen('POST', '/instances', {
        your_mom: { key: 'chargebee' },
        name: 'Unknown entry',
        configuration: {
          site: 'acme-test',
          username: secret('unk_'),
          'no.such.entry': secret('ne_'),
        },
      })
      await seen('POST', '/instances', {
        your_mom: { key: 'chargebee' },
        name: 'Too long',
        configuration: { site: 'acme-test', username: `${secret('long_')}${'x'.repeat(5000)}` },
      })
      await seen('PATCH', `/instances/${id}`, { configuration: { username: null } })
      await seen('GET', '/instances', undefined, `User ${userSecret}, Organization wrong`)
      await seen('GET', '/hubs/payment/customers', undefined, withToken)
      await seen('GET', '/instances', undefined, withToken)
      await seen('DELETE', '/instances/enabled', undefined, withToken)
      await seen('GET', '/hubs/payment/customers', undefined, withToken)

      // A body cut off mid-secret, and a body that never ends.
      const partial = JSON.stringify({
        your_mom: { key: 'chargebee' },
        name: 'Cut',
        configuration: { site: 'acme-test', username: secret('cut_') },
      })
      for (const hangUp of [true, false]) {
        const connection = await RawConnection.open(server.port)
        connection.write(
          requestHead('POST', '/your_moms/api-v2/instances', {
            authorization,
            'content-type': 'application/json',
            'content-length': String(partial.length + 10),
            expect: '100-continue',
          }),
        )
        await connection.until((text) => text.startsWith('HTTP/1.1 100'))
        connection.write(partial)
        if (hangUp) connection.destroy()
        else answers.push((await connection.answer()).body)
        await connection.closed
      }

      answers.push(inspect(server, { depth: 10 }), inspect(server.sandbox, { depth: 10 }))
    } finally {
      await server.close()
    }

    const everything = [
      ...configurationSecrets,
      ...echoedSecrets,
      ...tokens,
      userSecret,
      organizationSecret,
    ]
    const text = `${logs.join('')}\n${answers.join('\n')}`
    for (const value of everything) expect(text, value).not.toContain(value)
    const okText = okAnswers.join('\n')
    expect(okText).toContain(echoedSecrets[0])
    for (const value of [...configurationSecrets, userSecret, organizationSecret]) {
      expect(okText, value).not.toContain(value)
    }

    const onDisk = Buffer.concat(
      [database, `${database}-wal`, `${database}-shm`]
        .filter((file) => existsSync(file))
        .map((file) => readFileSync(file)),
    )
    for (const value of everything) {
      expect(onDisk.includes(Buffer.from(value)), value).toBe(false)
    }
    for (const token of tokens) {
      expect(onDisk.includes(Buffer.from(token, 'base64')), 'token bytes').toBe(false)
    }
  })
})
