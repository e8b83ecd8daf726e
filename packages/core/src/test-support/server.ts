import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

/** A request the test server received. */
export interface RecordedRequest {
  readonly method: string
  /** The path (relative to the origin) with the query string. */
  readonly url: string
  /** The path without the query string. */
  readonly path: string
  readonly query: URLSearchParams
  readonly headers: IncomingHttpHeaders
  readonly body: string
  /** The body parsed as JSON, or `undefined` when it is not JSON. */
  readonly json: unknown
  /** When the request arrived, in milliseconds (`performance.now()` of the server). */
  readonly receivedAt: number
}

/** How the server answers one request. */
export type Behaviour =
  | {
      readonly status?: number
      readonly headers?: Readonly<Record<string, string>>
      readonly json?: unknown
      readonly body?: string
    }
  /** Never answer (the client's timeout fires). */
  | 'stall'
  /** Destroy the socket without answering. */
  | 'reset'
  /** Send a 200's headers and the start of its JSON body, then destroy the socket. */
  | 'reset-mid-body'
  /** Send a 200's headers and the start of its JSON body, then nothing more. */
  | 'stall-mid-body'

/** Decides the answer to a request; `index` counts the requests seen so far (from 0). */
export type Handler = (request: RecordedRequest, index: number) => Behaviour | Promise<Behaviour>

/** A purpose-built HTTP server on 127.0.0.1 that records requests and can misbehave. */
export interface TestServer {
  /** The origin, e.g. `http://127.0.0.1:41234`. */
  readonly origin: string
  /** The platform API root on this server (no trailing slash). */
  readonly baseUrl: string
  /** Every request received, in order. */
  readonly requests: RecordedRequest[]
  /** Replaces the handler. */
  handle(handler: Handler): void
  /** How many client connections are open now. */
  connections(): number
  close(): Promise<void>
}

/** The API root path the tests use, like the spec's. */
export const API_ROOT = '/your_moms/api-v2'

type Misbehaviour = 'stall' | 'reset' | 'reset-mid-body' | 'stall-mid-body'

function answer(response: ServerResponse, behaviour: Exclude<Behaviour, Misbehaviour>): void {
  const headers: Record<string, string> = { ...behaviour.headers }
  let body = behaviour.body ?? ''
  if (behaviour.json !== undefined) {
    body = JSON.stringify(behaviour.json)
    headers['content-type'] ??= 'application/json'
  }
  response.writeHead(behaviour.status ?? 200, headers)
  response.end(body)
}

/** Starts a test server on 127.0.0.1, port 0. */
export async function startTestServer(
  handler: Handler = () => ({ status: 404 }),
): Promise<TestServer> {
  let current = handler
  const requests: RecordedRequest[] = []
  const sockets = new Set<Socket>()
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks).toString('utf8')
    let json: unknown
    try {
      json = body === '' ? undefined : JSON.parse(body)
    } catch {
      json = undefined
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      url: `${url.pathname}${url.search}`,
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      body,
      json,
      receivedAt: performance.now(),
    }
    const index = requests.length
    requests.push(recorded)
    const behaviour = await current(recorded, index)
    if (behaviour === 'stall') return
    if (behaviour === 'reset') {
      request.socket.destroy()
      return
    }
    if (behaviour === 'reset-mid-body' || behaviour === 'stall-mid-body') {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096' })
      response.write('{"id":12,"name":"half an ans')
      if (behaviour === 'reset-mid-body') setTimeout(() => request.socket.destroy(), 20)
      return
    }
    answer(response, behaviour)
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`
  return {
    origin,
    baseUrl: `${origin}${API_ROOT}`,
    requests,
    handle(next) {
      current = next
    },
    connections() {
      return sockets.size
    },
    close() {
      for (const socket of sockets) socket.destroy()
      return new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      )
    },
  }
}
