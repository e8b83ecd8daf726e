import type { AddressInfo } from 'node:net'
import { inspect } from 'node:util'
import { createAdaptorServer } from '@hono/node-server'
import {
  receiveWebhook,
  WEBHOOK_ID_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  type WebhookEvent,
  WebhookSignatureError,
} from '@plugboard/core/events'

/** Options of {@link startEventListener}. */
export interface EventListenerOptions {
  /** The port to listen on; `0` (the default) picks a free one. */
  readonly port?: number | undefined
  /** The interface to listen on; `127.0.0.1` by default. */
  readonly host?: string | undefined
  /**
   * The instance's `event.notification.signature.key`. When given, a callback without a valid
   * signature is refused (401) and reported to `onRejected`; without it, callbacks are taken
   * unverified (`verified: false`).
   */
  readonly signatureKey?: string | undefined
  /**
   * Where to pass each accepted callback on (your application's handler): the same bytes and the
   * signature and webhook id headers. The listener then answers with the forward's status, so a
   * failing handler makes the platform retry.
   */
  readonly forwardTo?: string | undefined
  /** How long a forward may take, in milliseconds (10 s by default). */
  readonly forwardTimeoutMs?: number | undefined
  /** The largest body accepted, in bytes (1 MiB by default). */
  readonly maxBytes?: number | undefined
  /** Called with each accepted callback. */
  readonly onEvent?: ((received: ListenedEvent) => void) | undefined
  /** Called with each refused callback: why (never the key, the signature or the body). */
  readonly onRejected?: ((rejection: RejectedCallback) => void) | undefined
}

/** A callback the listener accepted. */
export interface ListenedEvent {
  /** The `elements-webhook-id` header: the same on every retry of one delivery. */
  readonly webhookId: string | undefined
  /** The notification, parsed. */
  readonly event: WebhookEvent
  /** Whether its signature was checked against the signature key (and matched). */
  readonly verified: boolean
  /** Whether this webhook id was seen before (a retried delivery). */
  readonly repeat: boolean
  /** With `forwardTo`: the forward's status, or why it failed. */
  readonly forwarded?: { readonly status: number } | { readonly error: string } | undefined
}

/** A callback the listener refused. */
export interface RejectedCallback {
  /** The status it was answered with: 401 (signature), 400 (body), 405 (not a POST). */
  readonly status: number
  /** Why, in words. */
  readonly reason: string
}

/** An event listener on a port. */
export interface RunningEventListener {
  /** The URL to give as the instance's `event.notification.callback.url`. */
  readonly url: string
  /** The port it listens on. */
  readonly port: number
  /** Stops listening (dropping open connections). */
  close(): Promise<void>
}

/** One line describing an accepted callback, for a terminal. Never holds a secret. */
export function describeListenedEvent(received: ListenedEvent): string {
  const { event } = received
  const objects = event.events
    .map((object) => `${object.type} ${object.objectType ?? '?'}/${object.objectId ?? '?'}`)
    .join(', ')
  const forwarded =
    received.forwarded === undefined
      ? ''
      : 'status' in received.forwarded
        ? ` → forwarded: ${received.forwarded.status}`
        : ` → forward failed: ${received.forwarded.error}`
  return [
    `event ${event.eventId}`,
    event.instanceId === undefined ? '' : ` instance ${event.instanceId}`,
    event.connectorKey === undefined ? '' : ` (${event.connectorKey})`,
    `: ${objects === '' ? 'no objects' : objects}`,
    received.verified ? ' [signature verified]' : ' [not verified: no signature key]',
    received.repeat ? ' [repeat]' : '',
    forwarded,
  ].join('')
}

async function forward(
  target: string,
  request: Request,
  bytes: Uint8Array<ArrayBuffer>,
  timeoutMs: number,
): Promise<{ status: number } | { error: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  for (const name of [WEBHOOK_SIGNATURE_HEADER, WEBHOOK_ID_HEADER]) {
    const value = request.headers.get(name)
    if (value !== null) headers[name] = value
  }
  try {
    const response = await fetch(target, {
      method: 'POST',
      headers,
      body: bytes,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
    await response.body?.cancel()
    return { status: response.status }
  } catch (error) {
    return {
      error:
        (error as Error).name === 'TimeoutError'
          ? `no answer within ${timeoutMs} ms`
          : 'could not be reached',
    }
  }
}

/**
 * Starts a local receiver of event callbacks (what `events listen` runs): it verifies each
 * callback's signature when given the key, parses it, reports it, and forwards it to your
 * handler when asked. Give its `url` as an instance's callback URL.
 *
 * @example
 * ```ts
 * import { describeListenedEvent, startEventListener } from '@plugboard/sandbox'
 *
 * const listener = await startEventListener({
 *   port: 4020,
 *   signatureKey: process.env.PLUGBOARD_SIGNATURE_KEY,
 *   onEvent: (received) => console.log(describeListenedEvent(received)),
 *   onRejected: (rejection) => console.error(`refused (${rejection.status}): ${rejection.reason}`),
 * })
 * console.log(`callback URL: ${listener.url}`)
 * ```
 */
export async function startEventListener(
  options: EventListenerOptions = {},
): Promise<RunningEventListener> {
  if (options.forwardTo !== undefined && !/^https?:\/\//i.test(options.forwardTo)) {
    throw new RangeError('forwardTo must be an absolute http(s) URL.')
  }
  if (options.forwardTo !== undefined && !URL.canParse(options.forwardTo)) {
    throw new RangeError('forwardTo must be an absolute http(s) URL.')
  }
  const seen = new Set<string>()
  const reject = (status: number, reason: string): Response => {
    options.onRejected?.({ status, reason })
    return new Response(reason, { status })
  }

  const handle = async (request: Request): Promise<Response> => {
    if (request.method !== 'POST') {
      return reject(405, `Method ${request.method} is not allowed: event callbacks are POSTs.`)
    }
    const bytes = new Uint8Array(await request.arrayBuffer())
    let received: Awaited<ReturnType<typeof receiveWebhook>>
    try {
      received = await receiveWebhook(
        new Request(request.url, { method: 'POST', headers: request.headers, body: bytes }),
        { signatureKey: options.signatureKey, maxBytes: options.maxBytes },
      )
    } catch (error) {
      if (WebhookSignatureError.isInstance(error)) return reject(401, error.message)
      return reject(400, error instanceof Error ? error.message : 'The callback was refused.')
    }
    const repeat = received.webhookId !== undefined && seen.has(received.webhookId)
    if (received.webhookId !== undefined) seen.add(received.webhookId)
    const forwarded =
      options.forwardTo === undefined
        ? undefined
        : await forward(options.forwardTo, request, bytes, options.forwardTimeoutMs ?? 10_000)
    options.onEvent?.({
      webhookId: received.webhookId,
      event: received.event,
      verified: options.signatureKey !== undefined,
      repeat,
      forwarded,
    })
    if (forwarded === undefined) return new Response(null, { status: 204 })
    return new Response(null, { status: 'status' in forwarded ? forwarded.status : 502 })
  }

  const server = createAdaptorServer({ fetch: handle })
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`
  let closing: Promise<void> | undefined
  return {
    url,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        if ('closeAllConnections' in server) server.closeAllConnections()
      })
      return closing
    },
    // The signature key stays out of util.inspect output.
    [inspect.custom]: () => `RunningEventListener { url: ${JSON.stringify(url)} }`,
  } as RunningEventListener
}
