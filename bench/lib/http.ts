import { Agent, type IncomingHttpHeaders, request } from 'node:http'

/** The answer of {@link send}. */
export interface Answer {
  /** The HTTP status. */
  readonly status: number
  /** The body as text. */
  readonly body: string
  /** The response headers. */
  readonly headers: IncomingHttpHeaders
}

/** A keep-alive agent for `connections` concurrent connections. */
export function keepAliveAgent(connections: number): Agent {
  return new Agent({ keepAlive: true, maxSockets: connections })
}

/**
 * Sends one request with `node:http` (lighter than `fetch`, so a load generator measures the
 * server rather than itself) and reads the whole body.
 */
export function send(
  agent: Agent,
  url: string,
  method: string,
  headers: Readonly<Record<string, string>>,
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          headers: res.headers,
        }),
      )
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}
