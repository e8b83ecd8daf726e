import { NEXT_PAGE_HEADER } from '@plugboard/core/protocol'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SANDBOX_LIMITS } from '../../src/limits.js'
import { type RunningSandbox, startSandbox } from '../../src/server.js'

let server: RunningSandbox

beforeEach(async () => {
  server = await startSandbox({ database: ':memory:' })
})
afterEach(() => server.close())

async function send(method: string, path: string, body: unknown) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { authorization: server.authorization, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, text, body: JSON.parse(text) as Record<string, unknown> }
}

function instance(overrides: Record<string, unknown> = {}) {
  return {
    your_mom: { key: 'chargebee' },
    name: 'Limits',
    configuration: { site: 'acme-test', username: 'key' },
    ...overrides,
  }
}

describe('size limits (issue 12, item 8)', () => {
  it('takes a name up to the limit and refuses a longer one with 400 naming the limit', async () => {
    const { nameBytes } = SANDBOX_LIMITS
    expect(
      (await send('POST', '/instances', instance({ name: 'n'.repeat(nameBytes) }))).status,
    ).toBe(200)
    for (const name of ['n'.repeat(nameBytes + 1), 'é'.repeat(nameBytes / 2 + 1)]) {
      const refused = await send('POST', '/instances', instance({ name }))
      expect(refused.status).toBe(400)
      expect(refused.body.message).toContain(`name to be at most ${nameBytes} bytes`)
    }
    const { body } = await send('POST', '/instances', instance())
    const patched = await send('PATCH', `/instances/${body.id}`, {
      name: 'n'.repeat(nameBytes + 1),
    })
    expect(patched.status).toBe(400)
  })

  it('takes tags up to the count and length limits and refuses more with 400 naming the limit', async () => {
    const { tagCount, tagBytes } = SANDBOX_LIMITS
    const most = Array.from({ length: tagCount }, (_, n) => `${n}`.padEnd(tagBytes, 't'))
    expect((await send('POST', '/instances', instance({ tags: most }))).status).toBe(200)
    const tooMany = await send(
      'POST',
      '/instances',
      instance({ tags: [...most.map((_, n) => `${n}`), 'x'] }),
    )
    expect(tooMany.status).toBe(400)
    expect(tooMany.body.message).toContain(`at most ${tagCount} tags`)
    const tooLong = await send('POST', '/instances', instance({ tags: ['t'.repeat(tagBytes + 1)] }))
    expect(tooLong.status).toBe(400)
    expect(tooLong.body.message).toContain(
      `tags.0: expected every tag to be at most ${tagBytes} bytes`,
    )
  })

  it('takes configuration values up to the limit and refuses longer ones without echoing them', async () => {
    const { configurationValueBytes: limit, configurationKeyBytes } = SANDBOX_LIMITS
    const longest = await send(
      'POST',
      '/instances',
      instance({ configuration: { site: 's'.repeat(limit), username: 'k'.repeat(limit) } }),
    )
    expect(longest.status).toBe(200)
    const secret = `secret-${'k'.repeat(limit)}`
    const refusals = [
      await send(
        'POST',
        '/instances',
        instance({ configuration: { site: 'acme', username: secret } }),
      ),
      await send('PATCH', `/instances/${longest.body.id}`, {
        configuration: { 'event.poller.configuration': 'x'.repeat(limit + 1) },
      }),
      await send('PATCH', `/instances/${longest.body.id}/configuration/password`, {
        propertyValue: secret,
      }),
    ]
    for (const refused of refusals) {
      expect(refused.status).toBe(400)
      expect(refused.body.message).toContain(`limited to ${limit} bytes`)
      expect(refused.text).not.toContain('secret-')
    }
    const longKey = await send(
      'POST',
      '/instances',
      instance({
        configuration: {
          site: 'acme',
          username: 'key',
          ['k'.repeat(configurationKeyBytes + 1)]: 'v',
        },
      }),
    )
    expect(longKey.status).toBe(400)
    expect(longKey.body.message).toContain(`at most ${configurationKeyBytes} bytes`)
  })

  it('keeps every page of GET /instances under the byte budget, paging on without loss', async () => {
    const { pageBytes } = SANDBOX_LIMITS
    // Seeded as stored data from before the limits: about 9 MiB in all, 230 KiB per instance.
    const big = 'v'.repeat(230 * 1024)
    const { firstId, lastId } = server.sandbox.seedInstances({
      count: 40,
      configuration: { site: 'acme-test', username: 'key', 'event.poller.configuration': big },
    })
    const seen: number[] = []
    let next: string | null = ''
    let pages = 0
    while (next !== null) {
      const query: string = next === '' ? '' : `&nextPage=${encodeURIComponent(next)}`
      const response: Response = await fetch(`${server.baseUrl}/instances?pageSize=1000${query}`, {
        headers: { authorization: server.authorization },
      })
      expect(response.status).toBe(200)
      const text = await response.text()
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(pageBytes)
      seen.push(...(JSON.parse(text) as { id: number }[]).map((item) => item.id))
      next = response.headers.get(NEXT_PAGE_HEADER)
      pages++
    }
    expect(pages).toBeGreaterThan(1)
    expect(seen).toEqual(Array.from({ length: lastId - firstId + 1 }, (_, n) => firstId + n))
  })

  it('lowers a pageSize past the limit to the limit', async () => {
    server.sandbox.seedInstances({ count: SANDBOX_LIMITS.pageSize + 5 })
    const response = await fetch(`${server.baseUrl}/instances?pageSize=5000`, {
      headers: { authorization: server.authorization },
    })
    expect(((await response.json()) as unknown[]).length).toBe(SANDBOX_LIMITS.pageSize)
    expect(response.headers.get(NEXT_PAGE_HEADER)).not.toBeNull()
  })
})
