import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { UsageError } from '../cli-errors.js'

// The loopback HTTP listener that receives the vendor's redirect at the end of the consent step:
// the browser follows `callbackUrl?code=…&state=…` (or `?error=access_denied`) to it. It listens
// on a loopback interface only and never logs a request: the query holds the authorisation code.

/** The callback that reached the listener: its query, and a way to answer the browser. */
export interface ReceivedCallback {
  /** The callback's query (`code`, `state`, `error`, `oauth_token`, `oauth_verifier`, `realmId`, …). */
  readonly params: URLSearchParams
  /** Answers the waiting browser tab with a short page (once; later calls do nothing). */
  reply(outcome: 'authorised' | 'refused', message: string): void
}

/** A listening callback endpoint. */
export interface CallbackListener {
  /** The URL to register as the OAuth callback, e.g. `http://127.0.0.1:53411/callback`. */
  readonly url: string
  /** Resolves with the first request to the callback's path. */
  readonly received: Promise<ReceivedCallback>
  /** Stops listening (an unanswered browser request is answered first). */
  close(): Promise<void>
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** The default callback path on the loopback listener. */
export const CALLBACK_PATH = '/callback'

/**
 * Reads `--callback-url`: an http URL on a loopback host (127.0.0.1, localhost or [::1]) with a
 * port, which the CLI can listen on. Anything else is a usage error saying why.
 */
export function parseCallbackUrl(value: string): URL {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new UsageError(
      '--callback-url must be an absolute URL, e.g. http://127.0.0.1:8765/callback.',
    )
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new UsageError(
      `--callback-url must be an http URL on this machine's loopback interface (127.0.0.1, localhost or [::1]), where the CLI listens; got ${url.protocol}//${url.host}.`,
    )
  }
  if (url.port === '') {
    throw new UsageError('--callback-url needs a port, e.g. http://127.0.0.1:8765/callback.')
  }
  return url
}

function page(outcome: 'authorised' | 'refused', message: string): string {
  const title = outcome === 'authorised' ? 'Authorised' : 'Not authorised'
  const escaped = message.replace(
    /[&<>"]/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char,
  )
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>plugboard: ${title}</title></head><body><h1>${title}</h1><p>${escaped}</p><p>You can close this tab and return to the terminal.</p></body></html>`
}

function answer(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
  })
  response.end(body)
}

/**
 * Starts the callback listener: on `callbackUrl`'s host, port and path when given (see
 * {@link parseCallbackUrl}), else on 127.0.0.1, a free port and `/callback`.
 */
export async function listenForCallback(callbackUrl?: URL): Promise<CallbackListener> {
  const host =
    callbackUrl === undefined ? '127.0.0.1' : callbackUrl.hostname.replace(/^\[|\]$/g, '')
  const path = callbackUrl?.pathname ?? CALLBACK_PATH
  let deliver: (callback: ReceivedCallback) => void = () => {}
  const received = new Promise<ReceivedCallback>((resolve) => {
    deliver = resolve
  })
  let pending: ServerResponse | undefined
  let delivered = false
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://callback.invalid')
    if (request.method !== 'GET' || url.pathname !== path) {
      answer(response, 404, page('refused', 'This is not the OAuth callback.'))
      return
    }
    if (delivered) {
      answer(response, 409, page('refused', 'An answer was already received.'))
      return
    }
    delivered = true
    pending = response
    deliver({
      params: url.searchParams,
      reply: (outcome, message) => {
        if (pending === undefined) return
        answer(pending, outcome === 'authorised' ? 200 : 400, page(outcome, message))
        pending = undefined
      },
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const where = `${host}:${callbackUrl?.port ?? 0}`
      reject(
        new UsageError(
          error.code === 'EADDRINUSE'
            ? `The callback listener cannot listen on ${where}: the port is taken (give another --callback-url).`
            : `The callback listener cannot listen on ${where}: ${error.message}`,
        ),
      )
    })
    server.listen(callbackUrl === undefined ? 0 : Number(callbackUrl.port), host, resolve)
  })
  const { port } = server.address() as AddressInfo
  const url = callbackUrl?.href ?? `http://${host}:${port}${CALLBACK_PATH}`
  return {
    url,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        if (pending !== undefined) {
          answer(pending, 503, page('refused', 'plugboard stopped before finishing.'))
          pending = undefined
        }
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
