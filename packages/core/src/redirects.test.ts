import { inspect } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPlatformClient } from './client/create-client.js'
import { MAX_REDIRECTS } from './client/options.js'
import { RedirectError } from './errors/client-limit-errors.js'
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
/** The other origin a redirect points to: it must never be reached. */
let elsewhere: TestServer

beforeEach(async () => {
  server = await startTestServer()
  elsewhere = await startTestServer(() => ({ json: instanceBody() }))
})

afterEach(async () => {
  await Promise.all([server.close(), elsewhere.close()])
})

const SECRET_VALUE = 'acme-KEY-secret-77'
const request = { name: 'n', configuration: { site: 'acme-test', apiKey: SECRET_VALUE } }

async function refusal(promise: Promise<unknown>): Promise<RedirectError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(RedirectError.isInstance(error), String(error)).toBe(true)
  const shown = `${(error as Error).message}\n${inspect(error, { depth: 10 })}`
  for (const secret of [USER_SECRET, ORGANIZATION_SECRET, TOKEN, SECRET_VALUE]) {
    expect(shown).not.toContain(secret)
  }
  return error as RedirectError
}

function redirectTo(location: string, status = 307) {
  return () => ({ status, headers: { location } })
}

describe('redirects to another origin', () => {
  it('never resends a provision, an update or a configuration entry to another origin', async () => {
    const target = `${elsewhere.baseUrl}/instances`
    server.handle(redirectTo(target, 307))
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const calls: [string, () => Promise<unknown>][] = [
      ['POST', () => client.provision(acme, request)],
      ['PUT', () => client.instances.update(12, request, acme)],
      ['PATCH', () => client.instances.patch(12, { configuration: { apiKey: SECRET_VALUE } })],
      ['PATCH', () => client.instances.setConfiguration(12, 'apiKey', SECRET_VALUE)],
      ['PATCH', () => client.forInstance(TOKEN).instance.setConfiguration('apiKey', SECRET_VALUE)],
    ]
    for (const status of [307, 308]) {
      server.handle(redirectTo(target, status))
      for (const [method, call] of calls) {
        const error = await refusal(call())
        expect(error).toMatchObject({
          status,
          target: elsewhere.origin,
          refusal: 'other-origin',
          request: { method },
        })
        expect(error.message).toContain(`(${status})`)
        expect(error.message).toContain(elsewhere.origin)
        expect(error.isRetryable).toBe(false)
      }
    }
    expect(elsewhere.requests).toHaveLength(0)
    expect(server.requests).toHaveLength(calls.length * 2)
  })

  it('does not take another origin’s answer for the platform’s (301, 302, 303 on GET)', async () => {
    const client = createPlatformClient(clientOptions(server.baseUrl))
    for (const status of [301, 302, 303]) {
      server.handle(redirectTo(`${elsewhere.baseUrl}/instances/12`, status))
      const error = await refusal(client.instances.get(12))
      expect(error).toMatchObject({ status, target: elsewhere.origin, refusal: 'other-origin' })
    }
    expect(elsewhere.requests).toHaveLength(0)
  })

  it('counts localhost and 127.0.0.1 as different origins, and another port too', async () => {
    const port = new URL(server.origin).port
    const client = createPlatformClient(clientOptions(server.baseUrl))
    server.handle(redirectTo(`http://localhost:${port}${API_ROOT}/instances/12`, 302))
    const byName = await refusal(client.instances.get(12))
    expect(byName).toMatchObject({ target: `http://localhost:${port}`, refusal: 'other-origin' })
    server.handle(redirectTo(`https://127.0.0.1:${port}${API_ROOT}/instances/12`, 302))
    const byScheme = await refusal(client.instances.get(12))
    expect(byScheme.target).toBe(`https://127.0.0.1:${port}`)
    expect(server.requests).toHaveLength(2)
  })

  it('shows the target origin only, never its path or query', async () => {
    server.handle(redirectTo(`${elsewhere.origin}/steal?token=${encodeURIComponent(TOKEN)}`, 302))
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const error = await refusal(client.forInstance(TOKEN).get('hubs/payment/customers'))
    expect(error.target).toBe(elsewhere.origin)
    expect(error.message).not.toContain('steal')
  })
})

describe('same-origin redirects', () => {
  it('follows a same-origin redirect of a GET, keeping the Authorization header', async () => {
    server.handle((sent) =>
      sent.path.endsWith('/instances/12')
        ? { status: 301, headers: { location: `${API_ROOT}/instances/13` } }
        : { json: instanceBody({ id: 13 }) },
    )
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const instance = await client.instances.get(12)
    expect(instance.id).toBe(13)
    expect(server.requests.map((sent) => sent.path)).toEqual([
      `${API_ROOT}/instances/12`,
      `${API_ROOT}/instances/13`,
    ])
    expect(server.requests[1]?.headers.authorization).toContain(USER_SECRET)
  })

  it(`follows at most ${MAX_REDIRECTS} in a row: a loop ends with a RedirectError`, async () => {
    server.handle(redirectTo(`${API_ROOT}/instances/12`, 302))
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const error = await refusal(client.instances.get(12))
    expect(error).toMatchObject({ status: 302, target: server.origin, refusal: 'too-many' })
    // The first request and MAX_REDIRECTS redirects followed; never retried.
    expect(server.requests).toHaveLength(1 + MAX_REDIRECTS)
  })

  it('never follows a redirect of a POST, PUT, PATCH or DELETE, even to the same origin', async () => {
    server.handle(redirectTo(`${API_ROOT}/instances`, 307))
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const calls: [string, () => Promise<unknown>][] = [
      ['POST', () => client.provision(acme, request)],
      ['PUT', () => client.instances.update(12, { name: 'n' })],
      ['PATCH', () => client.instances.patch(12, { name: 'n' })],
      ['DELETE', () => client.instances.delete(12)],
    ]
    for (const [method, call] of calls) {
      const error = await refusal(call())
      expect(error).toMatchObject({ refusal: 'method', target: server.origin, request: { method } })
    }
    expect(server.requests.map((sent) => sent.method)).toEqual(['POST', 'PUT', 'PATCH', 'DELETE'])
  })
})

describe('redirects to what is not http(s)', () => {
  it('refuses ftp:, data:, file: and nonsense targets at once, without retries', async () => {
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const targets: [string, string][] = [
      ['ftp://127.0.0.1/instances', 'ftp:'],
      ['data:application/json,{"id":12}', 'data:'],
      ['file:///etc/passwd', 'file:'],
      ['http://[::1', '(not a URL)'],
    ]
    for (const [location, shown] of targets) {
      server.handle(redirectTo(location, 302))
      const before = server.requests.length
      const error = await refusal(client.instances.get(12))
      expect(error).toMatchObject({ refusal: 'not-http', target: shown, status: 302 })
      expect(server.requests.length - before).toBe(1)
    }
  })
})
