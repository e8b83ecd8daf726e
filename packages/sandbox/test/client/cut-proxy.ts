import { createServer, request as forward, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** What the proxy forwarded, and what became of the answer. */
export interface ProxiedRequest {
  readonly method: string
  readonly url: string
  /** Whether the answer was withheld and the client's connection cut. */
  readonly cut: boolean
}

/**
 * A fault-injecting HTTP proxy on a loopback port, in front of `upstream` (an origin): it forwards
 * every request, and for the requests `shouldCut` picks it waits for the whole upstream answer
 * (so the upstream has done the work) and then destroys the client's connection instead of
 * answering.
 */
export interface CutProxy {
  /** The proxy's origin, e.g. `http://127.0.0.1:41234`. */
  readonly origin: string
  /** Every request forwarded, in order. */
  readonly requests: ProxiedRequest[]
  close(): Promise<void>
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.on('end', () => resolve(Buffer.concat(chunks)))
    stream.on('error', reject)
  })
}

/** Starts a cutting proxy in front of `upstream`. */
export async function startCutProxy(
  upstream: string,
  shouldCut: (method: string, url: string, index: number) => boolean,
): Promise<CutProxy> {
  const target = new URL(upstream)
  const requests: ProxiedRequest[] = []
  const server: Server = createServer(async (incoming, outgoing) => {
    const method = incoming.method ?? 'GET'
    const url = incoming.url ?? '/'
    const cut = shouldCut(method, url, requests.length)
    requests.push({ method, url, cut })
    const body = await readAll(incoming)
    const upstreamRequest = forward({
      host: target.hostname,
      port: target.port,
      method,
      path: url,
      headers: { ...incoming.headers, host: target.host },
    })
    upstreamRequest.on('response', async (answer) => {
      const answerBody = await readAll(answer)
      if (cut) {
        // The upstream answered in full: the work is done. The client never hears of it.
        incoming.socket.destroy()
        return
      }
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
      outgoing.end(answerBody)
    })
    upstreamRequest.on('error', () => incoming.socket.destroy())
    upstreamRequest.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close() {
      server.closeAllConnections()
      return new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      )
    },
  }
}
