import { chargebee } from '@plugboard/connector-chargebee'
import { INSTANCE_ID_HEADER, MASK } from '@plugboard/core/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningSandbox, startSandbox } from '../../src/server.js'

let running: RunningSandbox
beforeAll(async () => {
  running = await startSandbox({ database: ':memory:', vocabulary: 'element' })
})
afterAll(async () => {
  await running.close()
})

async function send(method: string, path: string, body?: unknown, token?: string) {
  const response = await fetch(`${running.baseUrl}${path}`, {
    method,
    headers: {
      authorization:
        token === undefined ? running.authorization : `${running.authorization}, Element ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? undefined : JSON.parse(text),
  }
}

describe('the wire, raw (issue 14)', () => {
  it('provisions under the numeric connector id, the key left out of the body', async () => {
    const created = await send('POST', `/elements/${chargebee.descriptor.id}/instances`, {
      name: 'Wire',
      configuration: { site: 'acme-test', username: 'test_wireKey', password: 'wire-pw' },
    })
    expect(created.status).toBe(200)
    expect(created.body.element.key).toBe('chargebee')
    expect(created.body.configuration).toMatchObject({ username: 'test_wireKey', password: MASK })
    expect(created.body.tags).toEqual(['Wire'])
    const listed = await send('GET', `/elements/${chargebee.descriptor.id}/instances`)
    expect(listed.body.map((i: { id: number }) => i.id)).toContain(created.body.id)
    expect((await send('GET', '/elements/stripe/instances')).body).toEqual([])
    expect((await send('GET', `/elements/stripe/instances/${created.body.id}`)).status).toBe(404)
  })

  it('answers an unhydrated list with the required fields only', async () => {
    const { body } = await send('GET', '/instances?hydrate=false')
    expect(body.length).toBeGreaterThan(0)
    for (const item of body) {
      expect(Object.keys(item).sort()).toEqual(
        ['configuration', 'disabled', 'id', 'name', 'tags', 'token', 'user', 'valid'].sort(),
      )
    }
  })

  it('patches a configuration entry sent back whole, with a new propertyValue', async () => {
    const created = await send('POST', '/instances', {
      element: { key: 'chargebee' },
      name: 'Entry',
      configuration: { site: 'acme-test', username: 'test_wireKey' },
    })
    const entry = (await send('GET', `/instances/${created.body.id}/configuration/site`)).body
    const patched = await send('PATCH', `/instances/${created.body.id}/configuration/${entry.id}`, {
      ...entry,
      propertyValue: 'acme-whole',
    })
    expect(patched.status).toBe(200)
    expect(patched.body).toMatchObject({ key: 'site', propertyValue: 'acme-whole' })
  })

  it('sends the instance id header on every hub answer and serves /hubs/keys to platform calls', async () => {
    const created = await send('POST', '/instances', {
      element: { key: 'chargebee' },
      name: 'Hub wire',
      configuration: { site: 'acme-test', username: 'test_wireKey' },
    })
    const { id, token } = created.body
    for (const path of ['/hubs/payment/customers', '/hubs/x/customers', '/customers/12']) {
      const answer = await send('GET', path, undefined, token)
      expect(answer.status, path).toBe(200)
      expect(answer.headers.get(INSTANCE_ID_HEADER), path).toBe(String(id))
    }
    await send('DELETE', `/instances/${id}/enabled`)
    const disabled = await send('GET', '/customers', undefined, token)
    expect(disabled.status).toBe(403)
    expect(disabled.headers.get(INSTANCE_ID_HEADER)).toBe(String(id))
    const keys = await send('GET', '/hubs/keys')
    expect(keys).toMatchObject({ status: 200, body: ['crm', 'finance', 'helpdesk', 'payment'] })
    // A path that is neither the platform's nor a hub call (no token) is still a 404.
    expect((await send('GET', '/customers')).status).toBe(404)
  })
})
