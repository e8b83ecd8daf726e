import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPlatformClient } from './client/create-client.js'
import { DEFAULT_MAX_PAGES } from './client/instances.js'
import { DEFAULT_MAX_RESPONSE_SIZE, DEFAULT_TOTAL_TIMEOUT } from './client/options.js'
import {
  DeadlineError,
  PageLimitError,
  ResponseTooLargeError,
} from './errors/client-limit-errors.js'
import { PlatformError, TimeoutError } from './errors/request-errors.js'
import { clientOptions, instanceBody } from './test-support/fixtures.js'
import { API_ROOT, startTestServer, type TestServer } from './test-support/server.js'

let server: TestServer

beforeEach(async () => {
  server = await startTestServer()
})

afterEach(async () => {
  await server.close()
})

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('the call should have failed'),
    (caught: unknown) => caught,
  )
}

describe('the total deadline of a call', () => {
  it('has a documented default of 30 s', () => {
    expect(DEFAULT_TOTAL_TIMEOUT).toBe(30_000)
  })

  it('ends the call at once when Retry-After reaches past the deadline (seconds)', async () => {
    server.handle(() => ({
      status: 503,
      headers: { 'retry-after': '1000000000' },
      json: { message: 'busy' },
    }))
    // The defaults: a 10 s attempt timeout, a 30 s deadline, retries on 503.
    const {
      retry: _fastRetries,
      timeout: _longTimeout,
      ...defaults
    } = clientOptions(server.baseUrl)
    const client = createPlatformClient(defaults)
    const error = await failure(client.instances.get(12))
    expect(DeadlineError.isInstance(error), String(error)).toBe(true)
    expect(TimeoutError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({
      status: 503,
      retryAfter: 1_000_000_000_000,
      timeout: DEFAULT_TOTAL_TIMEOUT,
      request: { method: 'GET', path: '/instances/12' },
    })
    expect((error as Error).message).toContain('asked to wait 1000000000 s')
    expect(server.requests).toHaveLength(1)
  })

  it('ends the call at once when Retry-After is a date past the deadline', async () => {
    const inAYear = new Date(Date.now() + 365 * 24 * 3600 * 1000).toUTCString()
    server.handle(() => ({ status: 429, headers: { 'retry-after': inAYear }, json: {} }))
    const client = createPlatformClient({ ...clientOptions(server.baseUrl), totalTimeout: 600_000 })
    const error = await failure(client.instances.list())
    expect(DeadlineError.isInstance(error), String(error)).toBe(true)
    expect(server.requests).toHaveLength(1)
  })

  it('still waits for a Retry-After within the deadline', async () => {
    server.handle((_request, index) =>
      index === 0
        ? { status: 503, headers: { 'retry-after': '0' }, json: {} }
        : { json: instanceBody() },
    )
    const client = createPlatformClient(clientOptions(server.baseUrl))
    expect((await client.instances.get(12)).id).toBe(12)
    expect(server.requests).toHaveLength(2)
  })

  it('bounds an attempt that never answers, whatever the attempt timeout', async () => {
    server.handle(() => 'stall')
    // Attempts may take two minutes each; the call as a whole may not.
    const client = createPlatformClient({ ...clientOptions(server.baseUrl), totalTimeout: 200 })
    const error = await failure(client.instances.get(12))
    expect(DeadlineError.isInstance(error), String(error)).toBe(true)
    expect(error).toMatchObject({ timeout: 200 })
    expect((error as Error).message).toContain('ran out of its total time (200 ms')
  })

  it('bounds reading a body that stops arriving', async () => {
    server.handle(() => 'stall-mid-body')
    const client = createPlatformClient({ ...clientOptions(server.baseUrl), totalTimeout: 200 })
    const error = await failure(client.instances.get(12))
    expect(DeadlineError.isInstance(error), String(error)).toBe(true)
    await expect.poll(() => server.connections(), { timeout: 120_000 }).toBe(0)
  })

  it('refuses a total timeout that is not a positive number of milliseconds', () => {
    for (const totalTimeout of [0, -1, Number.NaN, 2 ** 40]) {
      expect(() =>
        createPlatformClient({ ...clientOptions(server.baseUrl), totalTimeout }),
      ).toThrow(/totalTimeout/)
    }
  })
})

/** A server whose every answer is an endless body; records when each connection closes. */
async function startFloodServer(options: {
  readonly status: number
  readonly declare?: number
}): Promise<{ baseUrl: string; requests: () => number; closed: Promise<void>; server: Server }> {
  let requests = 0
  let markClosed: () => void = () => undefined
  const closed = new Promise<void>((resolve) => {
    markClosed = resolve
  })
  const chunk = Buffer.alloc(64 * 1024, 'a')
  const flood = createServer((_request, response) => {
    requests += 1
    response.writeHead(options.status, {
      'content-type': 'application/json',
      ...(options.declare === undefined ? {} : { 'content-length': String(options.declare) }),
    })
    const write = (): void => {
      while (!response.destroyed && response.write(chunk)) {
        // Fill the socket's buffer; 'drain' calls again.
      }
    }
    response.on('drain', write)
    response.on('close', markClosed)
    write()
  })
  await new Promise<void>((resolve) => flood.listen(0, '127.0.0.1', resolve))
  const { port } = flood.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}${API_ROOT}`,
    requests: () => requests,
    closed,
    server: flood,
  }
}

describe('the maximum answer size', () => {
  it('has a documented default of 16 MiB', () => {
    expect(DEFAULT_MAX_RESPONSE_SIZE).toBe(16 * 1024 * 1024)
  })

  const cases = [
    ['an endless 200 body', { status: 200 }],
    ['a 200 that declares 100 MB', { status: 200, declare: 100 * 1024 * 1024 }],
    ['an endless 503 body (never retried)', { status: 503 }],
  ] as const
  for (const [name, options] of cases) {
    it(`drops the connection of ${name} and raises ResponseTooLargeError`, async () => {
      const flood = await startFloodServer(options)
      try {
        const client = createPlatformClient({
          ...clientOptions(flood.baseUrl),
          maxResponseSize: 1024 * 1024,
        })
        const error = await failure(client.instances.get(12))
        expect(ResponseTooLargeError.isInstance(error), String(error)).toBe(true)
        expect(error).toMatchObject({
          limit: 1024 * 1024,
          declared: options.status === 200 && 'declare' in options ? options.declare : undefined,
          isRetryable: false,
        })
        expect(PlatformError.isInstance(error)).toBe(false)
        // The server sees its connection dropped (it would write forever otherwise).
        await flood.closed
        expect(flood.requests()).toBe(1)
      } finally {
        flood.server.closeAllConnections()
        flood.server.close()
      }
    })
  }

  it('counts an encoded answer as it decodes: a small gzip body that inflates past the limit', async () => {
    const inflated = JSON.stringify({ ...instanceBody(), padding: 'a'.repeat(2 * 1024 * 1024) })
    const compressed = gzipSync(inflated)
    const gzipServer = createServer((_request, response) => {
      response.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': String(compressed.byteLength),
      })
      response.end(compressed)
    })
    await new Promise<void>((resolve) => gzipServer.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = gzipServer.address() as AddressInfo
      const client = createPlatformClient({
        ...clientOptions(`http://127.0.0.1:${port}${API_ROOT}`),
        maxResponseSize: 1024 * 1024,
      })
      // The declared length (the compressed one) is far below the limit; the decoded body is not.
      expect(compressed.byteLength).toBeLessThan(1024 * 1024)
      const error = await failure(client.instances.get(12))
      expect(ResponseTooLargeError.isInstance(error), String(error)).toBe(true)
      expect(error).toMatchObject({ limit: 1024 * 1024 })
    } finally {
      gzipServer.closeAllConnections()
      gzipServer.close()
    }
  })

  it('reads an answer of exactly the limit', async () => {
    const body = JSON.stringify(instanceBody())
    server.handle(() => ({ headers: { 'content-type': 'application/json' }, body }))
    const size = Buffer.byteLength(body)
    const client = createPlatformClient({ ...clientOptions(server.baseUrl), maxResponseSize: size })
    expect((await client.instances.get(12)).id).toBe(12)
    const smaller = createPlatformClient({
      ...clientOptions(server.baseUrl),
      maxResponseSize: size - 1,
    })
    expect(ResponseTooLargeError.isInstance(await failure(smaller.instances.get(12)))).toBe(true)
  })
})

describe('iterate()', () => {
  /** Empty pages, each with a fresh next-page token, for ever. */
  function endlessEmptyPages(): void {
    server.handle((_request, index) => ({
      headers: { 'elements-next-page-token': `page-${index + 1}` },
      json: [],
    }))
  }

  it('stops after maxPages pages with a PageLimitError', async () => {
    endlessEmptyPages()
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const seen: unknown[] = []
    const error = await failure(
      (async () => {
        for await (const instance of client.instances.iterate({}, { maxPages: 5 })) {
          seen.push(instance)
        }
      })(),
    )
    expect(PageLimitError.isInstance(error), String(error)).toBe(true)
    expect(error).toMatchObject({ maxPages: 5, request: { method: 'GET', path: '/instances' } })
    expect(server.requests).toHaveLength(5)
  })

  it(`stops after ${DEFAULT_MAX_PAGES} pages by default, having yielded every instance`, async () => {
    server.handle((_request, index) => ({
      headers: { 'elements-next-page-token': `page-${index + 1}` },
      json: [instanceBody({ id: index + 1 })],
    }))
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const ids: number[] = []
    const error = await failure(
      (async () => {
        for await (const instance of client.instances.iterate()) ids.push(instance.id)
      })(),
    )
    expect(PageLimitError.isInstance(error)).toBe(true)
    expect(ids).toHaveLength(DEFAULT_MAX_PAGES)
    expect(server.requests).toHaveLength(DEFAULT_MAX_PAGES)
  })

  it('ends quietly on the last page, and refuses a maxPages that is not a positive integer', async () => {
    server.handle(() => ({ json: [instanceBody()] }))
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const ids: number[] = []
    for await (const instance of client.instances.iterate({}, { maxPages: 1 }))
      ids.push(instance.id)
    expect(ids).toEqual([12])
    await expect(client.instances.iterate({}, { maxPages: 0 }).next()).rejects.toThrow(/maxPages/)
  })
})
