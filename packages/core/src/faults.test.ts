import { inspect } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPlatformClient } from './client/create-client.js'
import { PlugboardError } from './errors/base.js'
import {
  NetworkError,
  PlatformError,
  ResponseValidationError,
  TimeoutError,
} from './errors/request-errors.js'
import { acme } from './test-support/connectors.js'
import {
  clientOptions,
  instanceBody,
  ORGANIZATION_SECRET,
  TOKEN,
  USER_SECRET,
} from './test-support/fixtures.js'
import { startTestServer, type TestServer } from './test-support/server.js'

let server: TestServer

beforeEach(async () => {
  server = await startTestServer()
})

afterEach(async () => {
  await server.close()
})

const SECRET_VALUE = 'acme-KEY-secret-77'
const request = { name: 'n', configuration: { site: 'acme-test', apiKey: SECRET_VALUE } }

async function failure(promise: Promise<unknown>): Promise<PlugboardError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(PlugboardError.isInstance(error)).toBe(true)
  return error as PlugboardError
}

/** Asserts no secret is in the error's message, its inspect output or its cause. */
function expectNoSecrets(error: unknown): void {
  const shown = `${String((error as Error).message)}\n${inspect(error, { depth: 10 })}`
  for (const secret of [USER_SECRET, ORGANIZATION_SECRET, TOKEN, SECRET_VALUE]) {
    expect(shown).not.toContain(secret)
  }
  expect(shown).not.toMatch(/authorization/i)
}

describe('timeouts and broken connections', () => {
  it('maps a stalled answer to TimeoutError', async () => {
    server.handle(() => 'stall')
    const client = createPlatformClient({ ...clientOptions(server.baseUrl), timeout: 150 })
    const error = await failure(client.instances.get(12))
    expect(TimeoutError.isInstance(error)).toBe(true)
    expect((error as TimeoutError).timeout).toBe(150)
    expect(error.isRetryable).toBe(true)
    expect(error.message).toContain('GET /instances/12')
    expectNoSecrets(error)
  })

  it('maps a reset socket to NetworkError, retrying an idempotent request', async () => {
    server.handle(() => 'reset')
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const error = await failure(client.instances.get(12))
    expect(NetworkError.isInstance(error)).toBe(true)
    expect(error.cause).toBeUndefined()
    expect(server.requests).toHaveLength(3)
    expectNoSecrets(error)
  })

  it('does not retry a POST after a reset socket', async () => {
    server.handle(() => 'reset')
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const error = await failure(client.provision(acme, request))
    expect(NetworkError.isInstance(error)).toBe(true)
    expect(server.requests).toHaveLength(1)
    expectNoSecrets(error)
  })

  it('maps a socket reset in the middle of a 2xx body to NetworkError, never a TypeError', async () => {
    server.handle(() => 'reset-mid-body')
    const client = createPlatformClient({ ...clientOptions(server.baseUrl), retry: 0 })
    const error = await failure(client.instances.get(12))
    expect(NetworkError.isInstance(error)).toBe(true)
    expect(error.message).toContain('GET /instances/12')
    expectNoSecrets(error)
  })

  it('maps a 2xx body that stops arriving to TimeoutError instead of waiting forever', async () => {
    server.handle(() => 'stall-mid-body')
    const client = createPlatformClient({ ...clientOptions(server.baseUrl), timeout: 150 })
    const error = await failure(client.instances.get(12))
    expect(TimeoutError.isInstance(error)).toBe(true)
    expect((error as TimeoutError).timeout).toBe(150)
    expectNoSecrets(error)
    // The client gives the connection up rather than leaving it hanging.
    await expect.poll(() => server.connections(), { timeout: 120_000 }).toBe(0)
  })

  it('maps a refused connection to NetworkError', async () => {
    const origin = server.baseUrl
    await server.close()
    const client = createPlatformClient({ ...clientOptions(origin), retry: 0 })
    const error = await failure(client.instances.list())
    expect(NetworkError.isInstance(error)).toBe(true)
    expect((error as NetworkError).reason).toBe('ECONNREFUSED')
    server = await startTestServer()
  })
})

describe('retries', () => {
  it('retries a GET after a 500 and succeeds', async () => {
    server.handle((_request, index) =>
      index === 0
        ? { status: 500, json: { requestId: 'r1', message: 'boom' } }
        : { json: instanceBody() },
    )
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const instance = await client.instances.get(12)
    expect(instance.id).toBe(12)
    expect(server.requests.map((sent) => sent.method)).toEqual(['GET', 'GET'])
  })

  it('never retries a POST: one request, then a PlatformError', async () => {
    server.handle((_request, index) =>
      index === 0
        ? { status: 500, json: { requestId: 'r1', message: 'boom' } }
        : { json: instanceBody() },
    )
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const error = await failure(client.provision(acme, request))
    expect(PlatformError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ status: 500, requestId: 'r1', platformMessage: 'boom' })
    expect(error.isRetryable).toBe(true)
    expect(server.requests).toHaveLength(1)
  })

  it('never retries a PATCH', async () => {
    server.handle(() => ({ status: 503, json: { message: 'busy' } }))
    const client = createPlatformClient(clientOptions(server.baseUrl))
    await failure(client.instances.patch(12, { name: 'x' }))
    expect(server.requests).toHaveLength(1)
  })

  it('honours Retry-After on a 429 before retrying a GET', async () => {
    server.handle((_request, index) =>
      index === 0
        ? { status: 429, headers: { 'retry-after': '1' }, json: { message: 'slow down' } }
        : { json: instanceBody() },
    )
    const client = createPlatformClient(clientOptions(server.baseUrl))
    await client.instances.get(12)
    const [first, second] = server.requests
    expect(server.requests).toHaveLength(2)
    // The backoff alone would be ≤ 20 ms here; the server asked for one second.
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(950)
  })

  it('gives up after the retry limit with the last PlatformError', async () => {
    server.handle(() => ({ status: 502, json: { message: 'bad gateway' } }))
    const client = createPlatformClient({
      ...clientOptions(server.baseUrl),
      retry: { limit: 1, backoffLimit: 1 },
    })
    const error = await failure(client.instances.delete(12))
    expect(error).toMatchObject({
      status: 502,
      request: { method: 'DELETE', path: '/instances/12' },
    })
    expect(server.requests).toHaveLength(2)
  })
})

describe('platform errors', () => {
  it('carries status, request id, message and provider message', async () => {
    server.handle(() => ({
      status: 404,
      json: { requestId: 'req-9', message: 'No instance 12', providerMessage: 'vendor said no' },
    }))
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const error = (await failure(client.instances.get(12))) as PlatformError
    expect(error).toMatchObject({
      status: 404,
      requestId: 'req-9',
      platformMessage: 'No instance 12',
      providerMessage: 'vendor said no',
      isRetryable: false,
    })
    expect(error.message).toBe(
      'GET /instances/12 failed with 404: No instance 12 (request req-9). Provider: vendor said no',
    )
    expect(server.requests).toHaveLength(1)
  })

  it('gives a clear error for a non-JSON error body', async () => {
    server.handle(() => ({
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: '<html><body>Bad gateway</body></html>',
    }))
    const client = createPlatformClient({ ...clientOptions(server.baseUrl), retry: 0 })
    const error = (await failure(client.instances.get(12))) as PlatformError
    expect(PlatformError.isInstance(error)).toBe(true)
    expect(error.status).toBe(502)
    expect(error.message).toContain('Bad Gateway')
    expect(error.message).toContain('not the platform')
  })

  it('redacts secrets the platform echoes in its messages', async () => {
    server.handle(() => ({
      status: 400,
      json: {
        message: `Bad secrets ${USER_SECRET} / ${ORGANIZATION_SECRET}, value ${SECRET_VALUE}`,
        providerMessage: `token ${TOKEN} and ${encodeURIComponent(TOKEN)}`,
      },
    }))
    const client = createPlatformClient(clientOptions(server.baseUrl))
    // The client remembers the tokens and secret values it has seen, and redacts them everywhere.
    const scoped = client.forInstance(TOKEN)
    const provisioning = await failure(client.provision(acme, request))
    expectNoSecrets(provisioning)
    expect(provisioning.message).toContain('Bad secrets ******** / ********, value ********')
    const hub = await failure(scoped.get('hubs/payment/customers'))
    expectNoSecrets(hub)
    expect(hub.message).toContain('token ******** and ********')
    const set = await failure(client.instances.setConfiguration(12, 5, SECRET_VALUE))
    expectNoSecrets(set)
  })
})

describe('malformed answers', () => {
  it('refuses a 2xx body that is not JSON with ResponseValidationError', async () => {
    server.handle(() => ({ headers: { 'content-type': 'text/plain' }, body: 'hello' }))
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const error = await failure(client.provision(acme, request))
    expect(ResponseValidationError.isInstance(error)).toBe(true)
    expect((error as ResponseValidationError).fieldPath).toBe('')
  })

  it('refuses JSON of the wrong shape with the dot path, never a TypeError', async () => {
    const cases: [unknown, string][] = [
      [null, ''],
      [[1], ''],
      [{ ...instanceBody(), id: 'twelve' }, 'id'],
      [{ ...instanceBody(), your_mom: 'acme' }, 'your_mom'],
      [{ ...instanceBody(), configuration: undefined }, 'configuration'],
      [
        { ...instanceBody(), your_mom: { ...(instanceBody().your_mom as object), key: 7 } },
        'your_mom.key',
      ],
      [
        instanceBody({ configuration: { site: 'a', apiKey: 'b', 'base.url': 1 } }),
        'configuration.base.url',
      ],
      [{ ...instanceBody(), valid: 'yes', token: TOKEN }, 'valid'],
    ]
    const client = createPlatformClient(clientOptions(server.baseUrl))
    for (const [body, path] of cases) {
      server.handle(() => ({ json: body }))
      const error = await failure(client.provision(acme, request))
      expect(ResponseValidationError.isInstance(error), JSON.stringify(body)).toBe(true)
      expect((error as ResponseValidationError).fieldPath).toBe(path)
      expectNoSecrets(error)
    }
  })

  it('keeps the answer of a provision that failed the check, token included, out of sight', async () => {
    server.handle(() => ({ json: { ...instanceBody(), valid: 'yes', token: TOKEN } }))
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const error = (await failure(client.provision(acme, request))) as ResponseValidationError
    expect(ResponseValidationError.isInstance(error)).toBe(true)
    expect((error.body as { token?: unknown }).token).toBe(TOKEN)
    expect(Object.keys(error)).not.toContain('body')
    expect(JSON.stringify(error)).not.toContain(TOKEN)
    expectNoSecrets(error)
  })

  it('names the index of a bad instance in a list', async () => {
    server.handle(() => ({ json: [instanceBody(), { ...instanceBody(), name: 5 }] }))
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const error = (await failure(client.instances.list())) as ResponseValidationError
    expect(error.fieldPath).toBe('1.name')
    expect(error.issues[0]).toBe('1.name: expected string, received number')
  })

  it('never repeats a received value in a validation message', async () => {
    server.handle(() => ({ json: { ...instanceBody(), id: TOKEN } }))
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const error = await failure(client.instances.get(12))
    expectNoSecrets(error)
    expect(error.message).toContain('id: expected number, received string')
  })
})
