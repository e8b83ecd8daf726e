import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterAll, describe, expect, it } from 'vitest'
import { startSandbox } from '../../src/server.js'
import { RawConnection, requestHead } from './raw-http.js'

// A ceiling for hangs, not a prediction: each of these answers at once when the sandbox is right.
const HANG_CEILING = { timeout: 120_000 }

const directory = mkdtempSync(join(tmpdir(), 'plugboard-stalls-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

const provisionBody = JSON.stringify({
  your_mom: { key: 'chargebee' },
  name: 'Stalled',
  configuration: { site: 'acme-test', username: 'key' },
})

/** A promise and the function that settles it: an event the test can wait for. */
function signal<T>() {
  let fire!: (value: T) => void
  const fired = new Promise<T>((resolve) => {
    fire = resolve
  })
  return { fire, fired }
}

describe('a body that never finishes (issue 12, item 10)', HANG_CEILING, () => {
  it('answers 408 with the error body and closes the connection when a body stops partway', async () => {
    const server = await startSandbox({ bodyTimeoutMs: 200 })
    try {
      const connection = await RawConnection.open(server.port)
      connection.write(
        requestHead('POST', '/your_moms/api-v2/instances', {
          authorization: server.authorization,
          'content-type': 'application/json',
          'content-length': String(provisionBody.length),
        }),
      )
      connection.write(provisionBody.slice(0, 20))
      const answer = await connection.answer()
      expect(answer.status).toBe(408)
      expect(answer.headers.connection).toBe('close')
      const body = JSON.parse(answer.body) as { requestId: string; message: string }
      expect(body.message).toMatch(/did not arrive within 200 ms/)
      expect(answer.headers['x-request-id']).toBe(body.requestId)
      await connection.closed
    } finally {
      await server.close()
    }
  })

  it('answers 408 to a body that trickles in byte by byte, however long it keeps coming', async () => {
    const server = await startSandbox({ bodyTimeoutMs: 200 })
    const connection = await RawConnection.open(server.port)
    // One byte every 20 ms: a 4 KiB body would take over 80 s to arrive.
    const trickle = setInterval(() => connection.write(' '), 20)
    try {
      connection.write(
        requestHead('PATCH', '/your_moms/api-v2/instances/1', {
          authorization: server.authorization,
          'content-type': 'application/json',
          'transfer-encoding': 'chunked',
        }),
      )
      connection.write('1000\r\n')
      const answer = await connection.answer()
      expect(answer.status).toBe(408)
      await connection.closed
    } finally {
      clearInterval(trickle)
      await server.close()
    }
  })

  it('treats a client that hangs up mid-body as an abort, not as a failure of the sandbox', async () => {
    let aborted = signal<string>()
    const unexpected: unknown[] = []
    const server = await startSandbox({
      onClientAbort: (requestId) => aborted.fire(requestId),
      onUnexpectedError: (error) => unexpected.push(error),
    })
    try {
      for (const framing of ['content-length', 'chunked'] as const) {
        const connection = await RawConnection.open(server.port)
        connection.write(
          requestHead('POST', '/your_moms/api-v2/instances', {
            authorization: server.authorization,
            'content-type': 'application/json',
            expect: '100-continue',
            ...(framing === 'chunked'
              ? { 'transfer-encoding': 'chunked' }
              : { 'content-length': String(provisionBody.length) }),
          }),
        )
        // The interim answer means the sandbox is reading the body.
        await connection.until((text) => text.startsWith('HTTP/1.1 100'))
        connection.write(framing === 'chunked' ? '14\r\n{"your_mom":{"key":"' : '{"your_mom"')
        connection.destroy()
        expect(await aborted.fired).toMatch(/^[0-9a-f-]{36}$/)
        aborted = signal<string>()
      }
    } finally {
      await server.close()
    }
    expect(unexpected).toEqual([])
  })
})

describe('a database locked by another connection (issue 12, item 9)', HANG_CEILING, () => {
  it('answers 503 with Retry-After to writes, keeps serving reads, and writes again once the lock is gone', async () => {
    const database = join(directory, 'locked.db')
    const unexpected: unknown[] = []
    const server = await startSandbox({
      database,
      onUnexpectedError: (error) => unexpected.push(error),
    })
    const headers = { authorization: server.authorization, 'content-type': 'application/json' }
    const other = new DatabaseSync(database)
    try {
      const first = await fetch(`${server.baseUrl}/instances`, {
        method: 'POST',
        headers,
        body: provisionBody,
      })
      expect(first.status).toBe(200)
      const { id } = (await first.json()) as { id: number }

      other.exec('BEGIN IMMEDIATE')
      const writes = [
        await fetch(`${server.baseUrl}/instances`, {
          method: 'POST',
          headers,
          body: provisionBody,
        }),
        await fetch(`${server.baseUrl}/instances/${id}`, {
          method: 'PATCH',
          headers,
          body: JSON.stringify({ name: 'Renamed' }),
        }),
        await fetch(`${server.baseUrl}/instances/${id}`, { method: 'DELETE', headers }),
      ]
      for (const response of writes) {
        expect(response.status).toBe(503)
        expect(response.headers.get('retry-after')).toBe('1')
        const body = (await response.json()) as { requestId: string; message: string }
        expect(body.message).toMatch(/database is busy/)
        expect(response.headers.get('x-request-id')).toBe(body.requestId)
      }
      expect((await fetch(`${server.url}/health`)).status).toBe(200)
      const listed = await fetch(`${server.baseUrl}/instances`, { headers })
      expect(listed.status).toBe(200)
      expect(await listed.json()).toMatchObject([{ id, name: 'Stalled' }])

      other.exec('ROLLBACK')
      const retried = await fetch(`${server.baseUrl}/instances/${id}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ name: 'Renamed' }),
      })
      expect(retried.status).toBe(200)
      expect(await retried.json()).toMatchObject({ id, name: 'Renamed' })
      expect(unexpected).toEqual([])
    } finally {
      other.close()
      await server.close()
    }
  })
})
