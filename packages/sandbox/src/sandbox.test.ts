import { chargebee } from '@plugboard/connector-chargebee'
import { MASK, NEXT_PAGE_HEADER, PLATFORM_COMMON_ENTRIES } from '@plugboard/core/protocol'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { REQUEST_ID_HEADER, UNAUTHORIZED_MESSAGE } from './constants.js'
import { createSandbox, type Sandbox } from './sandbox.js'
import { call, devAuthorization, fixture, missingKeys } from './test-support.js'

const Y = '/your_moms/api-v2'
const E = '/elements/api-v2'

const request = fixture('create-instance.request.json')
const expected = fixture('create-instance.response.json')

function asYourMom(body: Record<string, unknown>): Record<string, unknown> {
  const { element, ...rest } = body
  return { your_mom: element, ...rest }
}

type Instance = Record<string, unknown> & {
  id: number
  token: string
  configuration: Record<string, unknown>
  tags: string[]
}

let sandbox: Sandbox
beforeEach(() => {
  sandbox = createSandbox()
})
afterEach(() => sandbox.close())

async function provision(body: unknown = asYourMom(request), root = Y, authorization?: string) {
  const answer = await call(sandbox, 'POST', `${root}/instances`, {
    body,
    ...(authorization === undefined ? {} : { authorization }),
  })
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  return answer.body as Instance
}

describe('provisioning', () => {
  it('answers the seed request (element field, element root) with every field of the seed response', async () => {
    const body = await provision(request, E)
    const inElementTerms = JSON.parse(
      JSON.stringify(expected)
        .replaceAll('"your_mom"', '"element"')
        .replaceAll('your_momId', 'elementId'),
    )
    expect(missingKeys(inElementTerms, body)).toEqual([])
    expect(body).not.toHaveProperty('your_mom')
    const element = body.element as Record<string, unknown>
    const { parameters, ...descriptor } = chargebee.descriptor
    expect(element).toMatchObject(descriptor)
    expect(element.parameters).toEqual(
      parameters.map((parameter) => ({ ...parameter, elementId: 451 })),
    )
  })

  it('answers the seed request renamed to your_mom at the your_mom root like the seed response', async () => {
    const body = await provision(asYourMom(request), Y)
    expect(missingKeys(expected, body)).toEqual([])
    expect(body).not.toHaveProperty('element')
    expect(body.your_mom).toEqual(expected.your_mom)
    expect(body).toMatchObject({
      name: 'Test',
      provisionInteractions: [],
      valid: true,
      disabled: false,
      maxCacheSize: 0,
      cacheTimeToLive: 0,
      eventsEnabled: false,
      traceLoggingEnabled: false,
      cachingEnabled: false,
      tags: ['billing', 'eu'],
    })
    expect(body.configuration).toEqual({
      ...PLATFORM_COMMON_ENTRIES,
      ...chargebee.defaults,
      site: 'acme-test',
      username: 'test_cbAPIkey123',
      password: MASK,
    })
    expect(typeof body.id).toBe('number')
    expect(Buffer.from(body.token, 'base64')).toHaveLength(32)
  })

  it('accepts either field name at either root, and the connector key in the path', async () => {
    const a = await provision(request, Y)
    expect(a).toHaveProperty('your_mom')
    const b = await provision(asYourMom(request), E)
    expect(b).toHaveProperty('element')
    const { element: _, ...withoutKey } = request
    const c = await provision(withoutKey, `${Y}/elements/chargebee`)
    expect((c.your_mom as { key: string }).key).toBe('chargebee')
    expect(new Set([a.id, b.id, c.id]).size).toBe(3)
    expect(new Set([a.token, b.token, c.token]).size).toBe(3)
  })

  it('strips HTML from names and stores SQL-looking strings verbatim', async () => {
    const sql = "Robert'); DROP TABLE instances;--"
    const body = await provision({
      ...asYourMom(request),
      name: `<b>Acme</b> <script>alert(1)</script>${sql}`,
      tags: [sql, "' OR 1=1 --"],
    })
    expect(body.name).toBe(`Acme ${sql}`)
    const again = await call(sandbox, 'GET', `${Y}/instances/${body.id}`)
    expect(again.body).toMatchObject({ name: `Acme ${sql}`, tags: [sql, "' OR 1=1 --"] })
    const listed = await call(sandbox, 'GET', `${Y}/instances?tags[]=${encodeURIComponent(sql)}`)
    expect((listed.body as Instance[]).map((i) => i.id)).toEqual([body.id])
  })

  it('names every missing required entry in a 400', async () => {
    const answer = await call(sandbox, 'POST', `${Y}/instances`, {
      body: { your_mom: { key: 'chargebee' }, name: 'x', configuration: {} },
    })
    expect(answer.status).toBe(400)
    const error = answer.body as { requestId: string; message: string }
    expect(error.message).toContain('site')
    expect(error.message).toContain('username')
    expect(error.requestId).toBe(answer.headers.get(REQUEST_ID_HEADER))
  })

  it('names invalid values without echoing secrets, and refuses unknown entries', async () => {
    const answer = await call(sandbox, 'POST', `${Y}/instances`, {
      body: {
        your_mom: { key: 'chargebee' },
        name: 'x',
        configuration: { site: 'https://acme.chargebee.com', username: 42, surprise: 'x' },
      },
    })
    expect(answer.status).toBe(400)
    const { message } = answer.body as { message: string }
    expect(message).toMatch(/site/)
    expect(message).toMatch(/username/)
    expect(message).toMatch(/surprise/)
  })

  it('answers 404 naming an unknown connector key', async () => {
    const answer = await call(sandbox, 'POST', `${Y}/instances`, {
      body: { ...asYourMom(request), your_mom: { key: 'initech' } },
    })
    expect(answer.status).toBe(404)
    expect((answer.body as { message: string }).message).toContain('"initech"')
    const descriptor = await call(sandbox, 'GET', `${Y}/elements/nope`)
    expect(descriptor.status).toBe(404)
    expect((descriptor.body as { message: string }).message).toContain('"nope"')
  })

  it('lets configuration override a platform default', async () => {
    const body = await provision({
      ...asYourMom(request),
      configuration: { site: 'acme', username: 'k', 'pagination.max': '50' },
    })
    expect(body.configuration['pagination.max']).toBe('50')
    expect(body.configuration).not.toHaveProperty('password')
  })
})

describe('GET /elements/{key}', () => {
  it('answers the descriptor in the root vocabulary', async () => {
    const y = await call(sandbox, 'GET', `${Y}/elements/chargebee`)
    expect(y.body).toEqual(expected.your_mom)
    const e = await call(sandbox, 'GET', `${E}/elements/chargebee`)
    expect((e.body as { parameters: Record<string, unknown>[] }).parameters[0]).toMatchObject({
      elementId: 451,
    })
  })
})

describe('instance routes', () => {
  it('gets, replaces, patches, disables and deletes an instance by id', async () => {
    const created = await provision()
    const path = `${Y}/instances/${created.id}`
    const got = await call(sandbox, 'GET', path)
    expect(got.status).toBe(200)
    expect(got.body).toMatchObject({ id: created.id, name: 'Test', token: created.token })

    const put = await call(sandbox, 'PUT', path, {
      body: {
        your_mom: { key: 'chargebee' },
        name: 'Renamed',
        configuration: { site: 'other' },
        tags: [],
      },
    })
    expect(put.status).toBe(400)
    expect((put.body as { message: string }).message).toContain('username')

    const replaced = await call(sandbox, 'PUT', path, {
      body: { name: 'Renamed', configuration: { site: 'other', username: 'k2' }, tags: ['x'] },
    })
    expect(replaced.status).toBe(200)
    expect(replaced.body).toMatchObject({ name: 'Renamed', tags: ['x'] })
    expect((replaced.body as Instance).configuration).not.toHaveProperty('password')

    const patched = await call(sandbox, 'PATCH', path, { body: { tags: ['a', 'b'] } })
    expect(patched.body).toMatchObject({ name: 'Renamed', tags: ['a', 'b'] })
    const ids = async (tag: string) =>
      ((await call(sandbox, 'GET', `${Y}/instances?tags[]=${tag}`)).body as Instance[]).map(
        (instance) => instance.id,
      )
    expect(await ids('x')).toEqual([])
    expect(await ids('b')).toEqual([created.id])
    await call(sandbox, 'PATCH', path, { body: { name: 'Renamed again' } })
    expect(await ids('a')).toEqual([created.id])
    const badPatch = await call(sandbox, 'PATCH', path, {
      body: { configuration: { site: 'Bad Site' } },
    })
    expect(badPatch.status).toBe(400)
    expect((badPatch.body as { message: string }).message).toContain('site')
    const goodPatch = await call(sandbox, 'PATCH', path, {
      body: { configuration: { site: 'new-site' } },
    })
    expect((goodPatch.body as Instance).configuration).toMatchObject({
      site: 'new-site',
      username: 'k2',
    })

    const disabled = await call(sandbox, 'DELETE', `${path}/enabled`)
    expect(disabled.body).toMatchObject({ disabled: true })
    const enabled = await call(sandbox, 'PUT', `${path}/enabled`)
    expect(enabled.body).toMatchObject({ disabled: false })

    const deleted = await call(sandbox, 'DELETE', path)
    expect(deleted.status).toBe(200)
    expect((await call(sandbox, 'GET', path)).status).toBe(404)
    expect((await call(sandbox, 'DELETE', path)).status).toBe(404)
  })

  it('lists configuration entries with secrets masked, and patches one entry', async () => {
    const created = await provision()
    const entries = (await call(sandbox, 'GET', `${Y}/instances/${created.id}/configuration`))
      .body as { id: number; key: string; propertyValue: string | null; required: boolean }[]
    const byKey = new Map(entries.map((entry) => [entry.key, entry]))
    expect(byKey.get('site')).toMatchObject({
      name: 'site',
      propertyValue: 'acme-test',
      required: true,
    })
    expect(byKey.get('username')).toMatchObject({
      propertyValue: 'test_cbAPIkey123',
      required: true,
    })
    expect(byKey.get('password')).toMatchObject({ propertyValue: MASK, required: false })
    expect(byKey.get('pagination.type')).toMatchObject({ propertyValue: 'offset', required: false })
    expect(JSON.stringify(entries)).not.toContain('cb-password')

    const site = byKey.get('site') as { id: number }
    const patched = await call(
      sandbox,
      'PATCH',
      `${Y}/instances/${created.id}/configuration/${site.id}`,
      {
        body: { propertyValue: 'renamed-site' },
      },
    )
    expect(patched.status).toBe(200)
    expect(patched.body).toMatchObject({ key: 'site', propertyValue: 'renamed-site' })
    const byName = await call(
      sandbox,
      'PATCH',
      `${Y}/instances/${created.id}/configuration/username`,
      {
        body: { propertyValue: '' },
      },
    )
    expect(byName.status).toBe(400)
    const unknown = await call(sandbox, 'PATCH', `${Y}/instances/${created.id}/configuration/999`, {
      body: { propertyValue: 'x' },
    })
    expect(unknown.status).toBe(404)
    const after = await call(sandbox, 'GET', `${Y}/instances/${created.id}`)
    expect((after.body as Instance).configuration.site).toBe('renamed-site')
  })

  it('serves the token-scoped forms without an id', async () => {
    const created = await provision()
    const auth = `Element ${created.token}, ${devAuthorization}`
    const got = await call(sandbox, 'GET', `${Y}/instances`, { authorization: auth })
    expect(got.body).toMatchObject({ id: created.id })
    const yourMomAuth = `Organization sandbox-organization-secret, Your_mom ${created.token}, User sandbox-user-secret`
    const config = await call(sandbox, 'GET', `${Y}/instances/configuration`, {
      authorization: yourMomAuth,
    })
    expect(config.status).toBe(200)
    const patched = await call(sandbox, 'PATCH', `${Y}/instances`, {
      authorization: auth,
      body: { name: 'Via token' },
    })
    expect(patched.body).toMatchObject({ id: created.id, name: 'Via token' })
    const entry = await call(sandbox, 'PATCH', `${Y}/instances/configuration/site`, {
      authorization: auth,
      body: { propertyValue: 'token-site' },
    })
    expect(entry.body).toMatchObject({ key: 'site', propertyValue: 'token-site' })

    expect(
      (await call(sandbox, 'GET', `${Y}/hubs/payment/customers`, { authorization: auth })).body,
    ).toEqual([])
    expect(
      (await call(sandbox, 'DELETE', `${Y}/instances/enabled`, { authorization: auth })).status,
    ).toBe(200)
    const hub = await call(sandbox, 'GET', `${Y}/hubs/payment/customers`, { authorization: auth })
    expect(hub.status).toBe(403)
    expect((await call(sandbox, 'GET', `${Y}/instances`, { authorization: auth })).status).toBe(403)
    expect(
      (await call(sandbox, 'PUT', `${Y}/instances/enabled`, { authorization: auth })).status,
    ).toBe(200)
    expect(
      (await call(sandbox, 'GET', `${Y}/hubs/payment/customers`, { authorization: auth })).status,
    ).toBe(200)
    const post = await call(sandbox, 'POST', `${Y}/hubs/payment/customers`, {
      authorization: auth,
      body: {},
    })
    expect(post.status).toBe(501)
    // The {hub} segment plays no part, as on the platform.
    expect(
      (await call(sandbox, 'GET', `${Y}/hubs/crm/contacts`, { authorization: auth })).status,
    ).toBe(200)

    expect((await call(sandbox, 'DELETE', `${Y}/instances`, { authorization: auth })).status).toBe(
      200,
    )
    const gone = await call(sandbox, 'GET', `${Y}/hubs/payment/customers`, { authorization: auth })
    expect(gone.status).toBe(401)
    expect(gone.body).toMatchObject({ message: UNAUTHORIZED_MESSAGE })
    expect(
      (await call(sandbox, 'GET', `${Y}/instances/configuration`, { authorization: auth })).status,
    ).toBe(401)
  })

  it('needs a token for hub calls and token-scoped routes', async () => {
    expect((await call(sandbox, 'GET', `${Y}/hubs/payment/customers`)).status).toBe(401)
    expect((await call(sandbox, 'DELETE', `${Y}/instances`)).status).toBe(401)
    const wrong = await call(sandbox, 'GET', `${Y}/hubs/payment/customers`, {
      authorization: `${devAuthorization}, Element not-a-token`,
    })
    expect(wrong.status).toBe(401)
  })
})

describe('listing', () => {
  it('filters by tags and searchText and pages by keyset', async () => {
    for (let n = 0; n < 7; n++) {
      await provision({
        ...asYourMom(request),
        name: `Shop ${n}`,
        tags: n % 2 === 0 ? ['even', 'all'] : ['all'],
      })
    }
    const even = await call(sandbox, 'GET', `${Y}/instances?tags[]=even`)
    expect((even.body as Instance[]).map((i) => i.name)).toEqual([
      'Shop 0',
      'Shop 2',
      'Shop 4',
      'Shop 6',
    ])
    const both = await call(sandbox, 'GET', `${Y}/instances?tags=even&tags[]=all`)
    expect(both.body).toHaveLength(4)
    const search = await call(sandbox, 'GET', `${Y}/instances?searchText=shop%203`)
    expect((search.body as Instance[]).map((i) => i.name)).toEqual(['Shop 3'])
    const byKey = await call(sandbox, 'GET', `${Y}/instances?searchText=CHARGE`)
    expect(byKey.body).toHaveLength(7)
    const percent = await call(sandbox, 'GET', `${Y}/instances?searchText=%25`)
    expect(percent.body).toHaveLength(0)

    const names: string[] = []
    let next: string | null = ''
    let pages = 0
    while (next !== null) {
      const page: Awaited<ReturnType<typeof call>> = await call(
        sandbox,
        'GET',
        `${Y}/instances?pageSize=3${next === '' ? '' : `&nextPage=${next}`}`,
      )
      names.push(...(page.body as Instance[]).map((i) => String(i.name)))
      next = page.headers.get(NEXT_PAGE_HEADER)
      pages++
    }
    expect(pages).toBe(3)
    expect(names).toEqual(Array.from({ length: 7 }, (_, n) => `Shop ${n}`))
  })

  it('filters by a thousand tags at once without failing (one condition, whatever the count)', async () => {
    const many = Array.from({ length: 1000 }, (_, n) => `t${n}`)
    // Seeded: over HTTP an instance carries at most SANDBOX_LIMITS.tagCount tags.
    const all = { id: sandbox.seedInstances({ count: 1, tags: () => many }).firstId }
    sandbox.seedInstances({ count: 1, tags: () => many.slice(1) })
    const query = many.map((tag) => `tags[]=${tag}`).join('&')
    const answer = await call(sandbox, 'GET', `${Y}/instances?${query}`)
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    expect((answer.body as Instance[]).map((i) => i.id)).toEqual([all.id])
    const two = await call(sandbox, 'GET', `${Y}/instances?tags[]=t0&tags=t1&tags[]=t0`)
    expect((two.body as Instance[]).map((i) => i.id)).toEqual([all.id])
  })

  it('refuses a bad pageSize or page token with 400', async () => {
    expect((await call(sandbox, 'GET', `${Y}/instances?pageSize=0`)).status).toBe(400)
    expect((await call(sandbox, 'GET', `${Y}/instances?pageSize=abc`)).status).toBe(400)
    expect((await call(sandbox, 'GET', `${Y}/instances?pageSize=-1`)).status).toBe(400)
    expect((await call(sandbox, 'GET', `${Y}/instances?pageSize=1000000`)).status).toBe(200)
    const huge = await call(sandbox, 'GET', `${Y}/instances?pageSize=${'9'.repeat(30)}`)
    expect(huge.status, JSON.stringify(huge.body)).toBe(200)
    expect((await call(sandbox, 'GET', `${Y}/instances?nextPage=%%%`)).status).toBe(400)
  })
})

describe('auth and isolation', () => {
  const other = { id: 'other', userSecret: 'u2', organizationSecret: 'o2' }

  it('answers 401 with the platform message for missing or wrong secrets', async () => {
    for (const authorization of [
      null,
      '',
      'User sandbox-user-secret',
      'User wrong, Organization sandbox-organization-secret',
      'Basic abc',
      `${devAuthorization}, User again`,
    ]) {
      const answer = await call(sandbox, 'GET', `${Y}/instances`, { authorization })
      expect(answer.status, String(authorization)).toBe(401)
      expect(answer.body).toMatchObject({ message: UNAUTHORIZED_MESSAGE })
    }
    const reversed = await call(sandbox, 'GET', `${Y}/instances`, {
      authorization: 'Organization sandbox-organization-secret , User sandbox-user-secret',
    })
    expect(reversed.status).toBe(200)
  })

  it('keeps organizations apart (404, never 403)', async () => {
    sandbox.close()
    sandbox = createSandbox({
      organizations: [
        {
          id: 'sandbox',
          userSecret: 'sandbox-user-secret',
          organizationSecret: 'sandbox-organization-secret',
        },
        other,
      ],
    })
    const mine = await provision()
    const otherAuth = 'User u2, Organization o2'
    const theirs = await provision(asYourMom(request), Y, otherAuth)
    const path = `${Y}/instances/${mine.id}`
    for (const [method, suffix, body] of [
      ['GET', '', undefined],
      ['PATCH', '', { name: 'x' }],
      ['PUT', '', { name: 'x', configuration: { site: 'a', username: 'b' } }],
      ['DELETE', '', undefined],
      ['GET', '/configuration', undefined],
      ['PATCH', '/configuration/site', { propertyValue: 'a' }],
      ['PUT', '/enabled', undefined],
      ['DELETE', '/enabled', undefined],
    ] as const) {
      const answer = await call(sandbox, method, `${path}${suffix}`, {
        authorization: otherAuth,
        body,
      })
      expect(answer.status, `${method} ${suffix}`).toBe(404)
    }
    const listed = await call(sandbox, 'GET', `${Y}/instances`, { authorization: otherAuth })
    expect((listed.body as Instance[]).map((i) => i.id)).toEqual([theirs.id])
    const withMyToken = await call(sandbox, 'GET', `${Y}/instances/configuration`, {
      authorization: `${otherAuth}, Element ${mine.token}`,
    })
    expect(withMyToken.status).toBe(401)
    expect((await call(sandbox, 'GET', path)).status).toBe(200)
  })
})

describe('bad input', () => {
  it('answers malformed JSON with 400, other content types with 415, big bodies with 413', async () => {
    const malformed = await call(sandbox, 'POST', `${Y}/instances`, { body: '{"your_mom": ' })
    expect(malformed.status).toBe(400)
    const empty = await call(sandbox, 'POST', `${Y}/instances`, { body: '' })
    expect(empty.status).toBe(400)
    const notObject = await call(sandbox, 'POST', `${Y}/instances`, { body: '[1,2]' })
    expect(notObject.status).toBe(400)
    const text = await call(sandbox, 'POST', `${Y}/instances`, {
      body: JSON.stringify(request),
      headers: { 'content-type': 'text/plain' },
    })
    expect(text.status).toBe(415)
    const big = await call(sandbox, 'POST', `${Y}/instances`, {
      body: { ...asYourMom(request), name: 'x'.repeat(1024 * 1024 + 10) },
    })
    expect(big.status).toBe(413)
    const badTypes = await call(sandbox, 'POST', `${Y}/instances`, {
      body: { your_mom: { key: 7 }, name: [], tags: 'x', configuration: 'y' },
    })
    expect(badTypes.status).toBe(400)
    for (const answer of [malformed, empty, notObject, text, big, badTypes]) {
      expect(Object.keys(answer.body as object).sort()).toEqual(['message', 'requestId'])
    }
    const list = await call(sandbox, 'GET', `${Y}/instances`)
    expect(list.body).toEqual([])
  })

  it('answers unknown routes with 404 JSON and wrong methods with 405 JSON', async () => {
    const unknown = await call(sandbox, 'GET', '/nope')
    expect(unknown.status).toBe(404)
    expect(unknown.body).toHaveProperty('requestId')
    const unknownApi = await call(sandbox, 'GET', `${Y}/instances/abc`)
    expect(unknownApi.status).toBe(404)
    const method = await call(sandbox, 'POST', `${Y}/instances/1`, { body: {} })
    expect(method.status).toBe(405)
    expect(method.body).toHaveProperty('message')
    expect((await call(sandbox, 'DELETE', `${Y}/elements/chargebee`)).status).toBe(405)
  })

  it('answers GET /health with 200 {status: ok} without authentication, and 405 to other methods', async () => {
    const health = await call(sandbox, 'GET', '/health', { authorization: null })
    expect(health.status).toBe(200)
    expect(health.body).toEqual({ status: 'ok' })
    expect(health.headers.get(REQUEST_ID_HEADER)).toMatch(/^[0-9a-f-]{36}$/)
    const post = await call(sandbox, 'POST', '/health', { authorization: null, body: {} })
    expect(post.status).toBe(405)
    expect(post.body).toHaveProperty('message', 'Method POST is not allowed on /health.')
    expect((await call(sandbox, 'GET', `${Y}/health`, { authorization: null })).status).toBe(401)
  })

  it('never repeats secrets or tokens in error bodies', async () => {
    const created = await provision()
    const answer = await call(sandbox, 'PATCH', `${Y}/instances/${created.id}`, {
      body: { configuration: { username: 12345, site: 'BAD site' } },
    })
    expect(answer.status).toBe(400)
    expect(JSON.stringify(answer.body)).not.toContain('12345')
  })
})

describe('seedInstances', () => {
  it('bulk-inserts instances that page by keyset without duplicates or gaps', async () => {
    const { firstId, lastId } = sandbox.seedInstances({
      count: 20_000,
      tags: (n) => (n % 10 === 0 ? ['tenth'] : []),
    })
    expect(lastId - firstId + 1).toBe(20_000)
    const seen: number[] = []
    let next: string | null = ''
    while (next !== null) {
      const page: Awaited<ReturnType<typeof call>> = await call(
        sandbox,
        'GET',
        `${Y}/instances?pageSize=1000${next === '' ? '' : `&nextPage=${next}`}`,
      )
      seen.push(...(page.body as Instance[]).map((i) => i.id))
      next = page.headers.get(NEXT_PAGE_HEADER)
    }
    expect(seen).toEqual(Array.from({ length: 20_000 }, (_, n) => firstId + n))
    const tenth = await call(sandbox, 'GET', `${Y}/instances?tags[]=tenth&pageSize=1000`)
    expect(tenth.body).toHaveLength(1000)
    expect(tenth.headers.get(NEXT_PAGE_HEADER)).not.toBeNull()
  })
})
