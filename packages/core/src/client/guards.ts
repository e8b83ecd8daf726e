import type { AfterResponseHook, ShouldRetryState } from 'ky'
import type { PlugboardError } from '../errors/base.js'
import {
  DeadlineError,
  RedirectError,
  type RedirectRefusal,
  ResponseTooLargeError,
} from '../errors/client-limit-errors.js'
import type { RequestSummary } from '../errors/request-errors.js'
import { isRetryableStatus } from '../protocol/facts.js'
import { type FetchFunction, MAX_REDIRECTS } from './options.js'
import type { Redactor } from './redact.js'

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308])

/** What the guards of one call know and decide; handed to ky's hooks as its `context`. */
export interface CallState {
  /** The request, for error messages. */
  readonly request: RequestSummary
  /** The redactor of this call's secrets. */
  readonly redact: Redactor
  /** `performance.now()` past which the call ends. */
  readonly deadline: number
  /** The call's total time in milliseconds. */
  readonly totalTimeout: number
  /** The largest answer read, in bytes. */
  readonly maxResponseSize: number
  /** Aborts the call: its connection is dropped. */
  readonly abort: () => void
  /** The error a guard ended the call with, when ky only learnt that it must stop. */
  ended?: PlugboardError
}

const KEY = 'plugboard'

/** ky's `context` option carrying a call's state. */
export function callContext(state: CallState): Record<string, unknown> {
  return { [KEY]: state }
}

function stateOf(options: { readonly context?: unknown } | undefined): CallState | undefined {
  const context = options?.context as Record<string, unknown> | undefined
  return context?.[KEY] as CallState | undefined
}

/** The wait a `Retry-After` value asks for, in milliseconds (delay seconds or an HTTP date). */
export function retryAfterMs(value: string | null): number | undefined {
  if (value === null) return undefined
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const date = Date.parse(text)
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now())
}

/**
 * ky's `retry.shouldRetry`: stops at once when the answer was too large, or when the platform's
 * `Retry-After` reaches past the call's deadline (ky would otherwise wait up to the deadline).
 * Anything else is left to ky's own rules.
 */
export function shouldRetry({ error }: ShouldRetryState): boolean | undefined {
  const { response, options } = error as { response?: Response; options?: { context?: unknown } }
  const state = stateOf(options)
  if (state === undefined || response === undefined) return undefined
  if (state.ended !== undefined) return false
  if (!isRetryableStatus(response.status)) return undefined
  const wait = retryAfterMs(response.headers.get('retry-after'))
  if (wait !== undefined && performance.now() + wait >= state.deadline) {
    state.ended = new DeadlineError({
      request: state.request,
      timeout: state.totalTimeout,
      retryAfter: wait,
      status: response.status,
    })
    return false
  }
  return undefined
}

function refuse(
  state: CallState,
  status: number,
  target: string,
  refusal: RedirectRefusal,
): RedirectError {
  return new RedirectError({
    request: state.request,
    status,
    target: state.redact(target),
    refusal,
  })
}

/** The URL a redirect points to, or the error that refuses it. */
function redirectTarget(
  state: CallState,
  request: Request,
  response: Response,
  hops: number,
): URL | RedirectError {
  const location = response.headers.get('location') ?? ''
  let target: URL
  try {
    target = new URL(location, request.url)
  } catch {
    return refuse(state, response.status, '(not a URL)', 'not-http')
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return refuse(state, response.status, target.protocol, 'not-http')
  }
  if (target.origin !== new URL(request.url).origin) {
    return refuse(state, response.status, target.origin, 'other-origin')
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return refuse(state, response.status, target.origin, 'method')
  }
  if (hops >= MAX_REDIRECTS) return refuse(state, response.status, target.origin, 'too-many')
  return target
}

/** The response with a body that errors (and drops the connection) past the size limit. */
function limited(state: CallState, response: Response): Response {
  const tooLarge = (declared?: number) =>
    new ResponseTooLargeError({ request: state.request, limit: state.maxResponseSize, declared })
  const length = response.headers.get('content-length')
  const declared = length === null || !/^\d+$/.test(length) ? undefined : Number(length)
  if (declared !== undefined && declared > state.maxResponseSize) {
    state.ended = tooLarge(declared)
    state.abort()
    throw state.ended
  }
  if (response.body === null) return response
  let received = 0
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      received += chunk.byteLength
      if (received > state.maxResponseSize) {
        state.ended = tooLarge(declared)
        state.abort()
        controller.error(state.ended)
        return
      }
      controller.enqueue(chunk)
    },
  })
  return new Response(response.body.pipeThrough(counter), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  })
}

/**
 * ky's first `afterResponse` hook (requests are sent with `redirect: 'manual'`): follows a
 * same-origin redirect of a GET or HEAD up to {@link MAX_REDIRECTS} times, refuses every other
 * redirect with a RedirectError (never retried), and bounds the answer's size.
 */
export function guardResponse(fetchFunction: FetchFunction | undefined): AfterResponseHook {
  const send = fetchFunction ?? ((input, init) => globalThis.fetch(input, init))
  return async ({ request, options, response }) => {
    const state = stateOf(options)
    if (state === undefined) return undefined
    let current = response
    let currentRequest = request
    for (let hops = 0; REDIRECT_STATUSES.has(current.status); hops++) {
      if (!current.headers.has('location')) break
      const target = redirectTarget(state, currentRequest, current, hops)
      // Not awaited: a cancelled branch of a cloned body settles only when the other one does.
      void current.body?.cancel().catch(() => undefined)
      if (RedirectError.isInstance(target)) throw target
      currentRequest = new Request(target, {
        method: currentRequest.method,
        headers: currentRequest.headers,
        signal: currentRequest.signal,
        redirect: 'manual',
      })
      current = await send(currentRequest)
    }
    return limited(state, current)
  }
}
