import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type RunningSandbox, startSandbox } from '../../src/server.js'
import { RawConnection, requestHead } from './raw-http.js'

let server: RunningSandbox

beforeEach(async () => {
  server = await startSandbox({ database: ':memory:' })
})
afterEach(() => server.close())

async function json(method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { authorization: server.authorization, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

async function provision(name = 'Race'): Promise<number> {
  const { status, body } = await json('POST', '/instances', {
    your_mom: { key: 'chargebee' },
    name,
    configuration: { site: 'acme-test', username: 'key' },
  })
  expect(status).toBe(200)
  return body.id as number
}

/**
 * Sends the head of a JSON request with `Expect: 100-continue` and waits for the interim answer:
 * once it has arrived, the server has run the request's handler up to where it waits for the body.
 */
async function headFirst(method: string, path: string, body: unknown) {
  const text = JSON.stringify(body)
  const connection = await RawConnection.open(server.port)
  connection.write(
    requestHead(method, `/your_moms/api-v2${path}`, {
      authorization: server.authorization,
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(text)),
      expect: '100-continue',
      connection: 'close',
    }),
  )
  await connection.until((received) => received.startsWith('HTTP/1.1 100'))
  return { connection, text }
}

/** Starts every request's head, then sends every body, and returns the answers' statuses. */
async function overlap(requests: readonly [method: string, path: string, body: unknown][]) {
  const started = await Promise.all(requests.map((r) => headFirst(...r)))
  for (const { connection, text } of started) connection.write(text)
  return Promise.all(started.map(async ({ connection }) => (await connection.answer()).status))
}

describe('overlapping partial updates (issue 12, item 7)', () => {
  it('keeps every change of overlapping PATCHes of one instance', async () => {
    const id = await provision()
    for (let round = 0; round < 10; round++) {
      const statuses = await overlap([
        ['PATCH', `/instances/${id}`, { configuration: { site: `site-${round}` } }],
        ['PATCH', `/instances/${id}`, { configuration: { 'pagination.max': `${round + 10}` } }],
        ['PATCH', `/instances/${id}`, { tags: [`round-${round}`] }],
        ['PATCH', `/instances/${id}`, { name: `Race ${round}` }],
      ])
      expect(statuses).toEqual([200, 200, 200, 200])
      const { body } = await json('GET', `/instances/${id}`)
      expect(body.configuration).toMatchObject({
        site: `site-${round}`,
        'pagination.max': `${round + 10}`,
      })
      expect(body.tags).toEqual([`round-${round}`])
      expect(body.name).toBe(`Race ${round}`)
    }
  })

  it('keeps every change of overlapping configuration entry PATCHes', async () => {
    const id = await provision()
    for (let round = 0; round < 10; round++) {
      const statuses = await overlap([
        ['PATCH', `/instances/${id}/configuration/site`, { propertyValue: `site-${round}` }],
        ['PATCH', `/instances/${id}/configuration/pagination.max`, { propertyValue: `${round}` }],
        ['PATCH', `/instances/${id}/configuration/password`, { propertyValue: `pw-${round}` }],
      ])
      expect(statuses).toEqual([200, 200, 200])
      const { body } = await json('GET', `/instances/${id}`)
      expect(body.configuration).toMatchObject({
        site: `site-${round}`,
        'pagination.max': `${round}`,
        password: '********',
      })
    }
  })

  it('makes an overlapping PUT and PATCH serial: one of them sees the other', async () => {
    const id = await provision()
    const statuses = await overlap([
      [
        'PUT',
        `/instances/${id}`,
        { name: 'Replaced', configuration: { site: 'replaced', username: '********' } },
      ],
      ['PATCH', `/instances/${id}`, { configuration: { 'pagination.max': '42' } }],
    ])
    expect(statuses).toEqual([200, 200])
    const { body } = await json('GET', `/instances/${id}`)
    const { site, 'pagination.max': max } = body.configuration as Record<string, unknown>
    // PUT then PATCH, or PATCH then PUT (which puts the default back): never the PATCH merged
    // onto the configuration from before the PUT.
    expect([
      { site: 'replaced', max: '42' },
      { site: 'replaced', max: '100' },
    ]).toContainEqual({ site, max })
  })
})

describe('answers built from what was stored (issue 12, item 13)', () => {
  const lone = 'Lone \ud800 surrogate \udfff'

  it('answers POST, PATCH, PUT and GET with the same name for a name holding lone surrogates', async () => {
    const created = await json('POST', '/instances', {
      your_mom: { key: 'chargebee' },
      name: lone,
      tags: [lone],
      configuration: { site: 'acme-test', username: 'key' },
    })
    expect(created.status).toBe(200)
    const id = created.body.id as number
    const got = await json('GET', `/instances/${id}`)
    expect(created.body.name).toBe(got.body.name)
    expect(created.body.tags).toEqual(got.body.tags)

    const patched = await json('PATCH', `/instances/${id}`, { name: `${lone} again` })
    expect(patched.body.name).toBe((await json('GET', `/instances/${id}`)).body.name)

    const replaced = await json('PUT', `/instances/${id}`, {
      name: `${lone} put`,
      configuration: { site: 'acme-test', username: '********' },
    })
    const listed = await fetch(`${server.baseUrl}/instances`, {
      headers: { authorization: server.authorization },
    })
    const [item] = (await listed.json()) as { name: string }[]
    expect(replaced.body.name).toBe(item?.name)
  })
})
