import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPlatformClient } from './client/create-client.js'
import { ResponseValidationError } from './errors/request-errors.js'
import { NEXT_PAGE_HEADER } from './protocol/index.js'
import { createRegistry } from './registry.js'
import { acme } from './test-support/connectors.js'
import {
  clientOptions,
  instanceBody,
  ORGANIZATION_SECRET,
  TOKEN,
  USER_SECRET,
} from './test-support/fixtures.js'
import { API_ROOT, startTestServer, type TestServer } from './test-support/server.js'

let server: TestServer

beforeEach(async () => {
  server = await startTestServer()
})

afterEach(async () => {
  await server.close()
})

const platformAuthorization = `User ${USER_SECRET}, Organization ${ORGANIZATION_SECRET}`

describe('instances', () => {
  it('lists one page with the query on the wire and the next-page token from the header', async () => {
    server.handle(() => ({
      json: [instanceBody({ id: 1 }), instanceBody({ id: 2, vocabulary: 'element' })],
      headers: { [NEXT_PAGE_HEADER]: 'page-2' },
    }))
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const page = await client.instances.list({
      tags: ['billing', 'eu'],
      searchText: 'acme',
      pageSize: 2,
    })
    expect(page.instances.map((instance) => instance.id)).toEqual([1, 2])
    expect(page.nextPage).toBe('page-2')
    const [sent] = server.requests
    expect(sent?.method).toBe('GET')
    expect(sent?.path).toBe(`${API_ROOT}/instances`)
    expect(sent?.query.getAll('tags[]')).toEqual(['billing', 'eu'])
    expect(sent?.query.get('searchText')).toBe('acme')
    expect(sent?.query.get('pageSize')).toBe('2')
    expect(sent?.headers.authorization).toBe(platformAuthorization)
  })

  it('iterates over every page, following the token', async () => {
    const pages: Record<string, { ids: number[]; next?: string }> = {
      '': { ids: [1, 2], next: 'b' },
      b: { ids: [3, 4], next: 'c' },
      c: { ids: [5] },
    }
    server.handle((request) => {
      const page = pages[request.query.get('nextPage') ?? ''] ?? { ids: [] }
      const headers: Record<string, string> = {}
      if (page.next !== undefined) headers[NEXT_PAGE_HEADER] = page.next
      return { json: page.ids.map((id) => instanceBody({ id })), headers }
    })
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const ids: number[] = []
    for await (const instance of client.instances.iterate({ tags: ['billing'], pageSize: 2 })) {
      ids.push(instance.id)
    }
    expect(ids).toEqual([1, 2, 3, 4, 5])
    expect(server.requests.map((sent) => sent.query.get('nextPage'))).toEqual([null, 'b', 'c'])
    expect(server.requests.every((sent) => sent.query.get('tags[]') === 'billing')).toBe(true)
  })

  it('stops iterating when the platform repeats a page token', async () => {
    server.handle(() => ({ json: [instanceBody()], headers: { [NEXT_PAGE_HEADER]: 'same' } }))
    const client = createPlatformClient(clientOptions(server.baseUrl))
    let count = 0
    for await (const _ of client.instances.iterate()) count++
    expect(count).toBe(2)
  })

  it('sends each management call with its method and path', async () => {
    server.handle((request) => {
      if (request.path.endsWith('/configuration')) {
        return {
          json: [{ id: 5, key: 'site', name: 'Site', propertyValue: 'acme-test', required: true }],
        }
      }
      if (request.path.includes('/configuration/')) {
        return { json: { id: 5, key: 'site', propertyValue: request.json && 'acme-live' } }
      }
      if (request.path.endsWith('/enabled') || request.method === 'DELETE') return { status: 200 }
      return { json: instanceBody() }
    })
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const typed = await client.instances.get(12, acme)
    expect(typed.configuration['pagination.max']).toBe(100)
    const untyped = await client.instances.get('12')
    expect(untyped.configuration['pagination.max']).toBe('100')
    await client.instances.update(12, { name: 'Renamed', tags: ['a'] })
    await client.instances.patch(12, { tags: ['b'] })
    await client.instances.delete(12)
    const entries = await client.instances.configuration(12)
    expect(entries[0]).toMatchObject({ id: 5, key: 'site', propertyValue: 'acme-test' })
    const entry = await client.instances.setConfiguration(12, 5, 'acme-live')
    expect(entry.propertyValue).toBe('acme-live')
    await client.instances.enable(12)
    await client.instances.disable(12)

    expect(server.requests.map((sent) => `${sent.method} ${sent.url}`)).toEqual([
      `GET ${API_ROOT}/instances/12`,
      `GET ${API_ROOT}/instances/12`,
      `PUT ${API_ROOT}/instances/12`,
      `PATCH ${API_ROOT}/instances/12`,
      `DELETE ${API_ROOT}/instances/12`,
      `GET ${API_ROOT}/instances/12/configuration`,
      `PATCH ${API_ROOT}/instances/12/configuration/5`,
      `PUT ${API_ROOT}/instances/12/enabled`,
      `DELETE ${API_ROOT}/instances/12/enabled`,
    ])
    expect(server.requests[2]?.json).toEqual({ name: 'Renamed', tags: ['a'] })
    expect(server.requests[3]?.json).toEqual({ tags: ['b'] })
    expect(server.requests[6]?.json).toEqual({ propertyValue: 'acme-live' })
    expect(
      server.requests.every((sent) => sent.headers.authorization === platformAuthorization),
    ).toBe(true)
  })

  it('validates and names the connector on a full update with a connector', async () => {
    server.handle(() => ({ json: instanceBody() }))
    const client = createPlatformClient({ ...clientOptions(server.baseUrl), vocabulary: 'element' })
    await client.instances.update(
      12,
      { name: 'x', configuration: { site: 'acme-live', apiKey: 'acme-KEY-123456' } },
      acme,
    )
    expect(server.requests[0]?.json).toEqual({
      element: { key: 'acme' },
      name: 'x',
      configuration: { site: 'acme-live', apiKey: 'acme-KEY-123456' },
    })
    await expect(
      client.instances.update(12, { name: 'x', configuration: { site: 'acme' } }, acme),
    ).rejects.toThrow(/missing required entries: apiKey/)
    expect(server.requests).toHaveLength(1)
  })

  it('parses with a registry connector when the call names none', async () => {
    server.handle(() => ({ json: instanceBody({ configuration: { site: 'acme-test' } }) }))
    const plain = createPlatformClient(clientOptions(server.baseUrl))
    await expect(plain.instances.get(12)).resolves.toMatchObject({ id: 12 })
    const withRegistry = createPlatformClient({
      ...clientOptions(server.baseUrl),
      registry: createRegistry().register(acme),
    })
    const error = await withRegistry.instances.get(12).catch((caught: unknown) => caught)
    expect(ResponseValidationError.isInstance(error)).toBe(true)
    expect((error as ResponseValidationError).fieldPath).toBe('configuration.apiKey')
  })

  it('reads a connector descriptor', async () => {
    server.handle(() => ({ json: instanceBody().your_mom }))
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const descriptor = await client.connectors.get('acme')
    expect(descriptor).toMatchObject({ id: 901, key: 'acme', hub: 'payment' })
    expect(server.requests[0]?.url).toBe(`${API_ROOT}/elements/acme`)
  })
})

describe('forInstance', () => {
  it('sends the instance token in the Authorization header for hub calls', async () => {
    server.handle((request) =>
      request.method === 'DELETE' ? { status: 200 } : { json: { echo: request.json ?? null } },
    )
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const scoped = client.forInstance(TOKEN)
    expect(await scoped.get('hubs/payment/customers', { searchParams: { pageSize: 5 } })).toEqual({
      echo: null,
    })
    expect(await scoped.post('/hubs/payment/customers', { json: { email: 'a@b.test' } })).toEqual({
      echo: { email: 'a@b.test' },
    })
    await scoped.put('hubs/payment/customers/1', { json: { a: 1 } })
    await scoped.patch('hubs/payment/customers/1', { json: { a: 2 } })
    expect(await scoped.delete('hubs/payment/customers/1')).toBeUndefined()
    expect(server.requests.map((sent) => `${sent.method} ${sent.url}`)).toEqual([
      `GET ${API_ROOT}/hubs/payment/customers?pageSize=5`,
      `POST ${API_ROOT}/hubs/payment/customers`,
      `PUT ${API_ROOT}/hubs/payment/customers/1`,
      `PATCH ${API_ROOT}/hubs/payment/customers/1`,
      `DELETE ${API_ROOT}/hubs/payment/customers/1`,
    ])
    for (const sent of server.requests) {
      expect(sent.headers.authorization).toBe(`${platformAuthorization}, Element ${TOKEN}`)
    }
  })

  it('cannot override the Authorization header or leave the base URL', async () => {
    server.handle(() => ({ json: {} }))
    const scoped = createPlatformClient(clientOptions(server.baseUrl)).forInstance(TOKEN)
    await scoped.get('hubs/payment/customers', { headers: { Authorization: 'x', 'x-trace': '1' } })
    expect(server.requests[0]?.headers.authorization).toContain(`Element ${TOKEN}`)
    expect(server.requests[0]?.headers['x-trace']).toBe('1')
    await expect(scoped.get('http://elsewhere.test/steal')).rejects.toThrow(/relative/)
    expect(server.requests).toHaveLength(1)
  })

  it('calls the token-scoped instance routes without an id', async () => {
    server.handle((request) => {
      if (request.path.endsWith('/configuration')) return { json: [] }
      if (request.path.includes('/configuration/')) return { json: { id: 3, key: 'k' } }
      if (request.path.endsWith('/enabled') || request.method === 'DELETE') return { status: 200 }
      return { json: instanceBody() }
    })
    const scoped = createPlatformClient(clientOptions(server.baseUrl)).forInstance(TOKEN)
    expect((await scoped.instance.get(acme)).configuration['pagination.max']).toBe(100)
    await scoped.instance.patch({ name: 'n' })
    await scoped.instance.update({ name: 'n' })
    expect(await scoped.instance.configuration()).toEqual([])
    expect(await scoped.instance.setConfiguration(3, null)).toMatchObject({ propertyValue: null })
    await scoped.instance.enable()
    await scoped.instance.disable()
    await scoped.instance.delete()
    expect(server.requests.map((sent) => `${sent.method} ${sent.url}`)).toEqual([
      `GET ${API_ROOT}/instances`,
      `PATCH ${API_ROOT}/instances`,
      `PUT ${API_ROOT}/instances`,
      `GET ${API_ROOT}/instances/configuration`,
      `PATCH ${API_ROOT}/instances/configuration/3`,
      `PUT ${API_ROOT}/instances/enabled`,
      `DELETE ${API_ROOT}/instances/enabled`,
      `DELETE ${API_ROOT}/instances`,
    ])
    expect(server.requests.every((sent) => sent.headers.authorization?.endsWith(TOKEN))).toBe(true)
  })
})
