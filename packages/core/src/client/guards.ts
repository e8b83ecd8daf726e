import type { ShouldRetryState } from 'ky'
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

/** What the guards of one call know and decide; handed to ky as the request option {@link STATE_OPTION}. */
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
  /** The error a guard ended the call with, when ky only learnt that it must stop. */
  ended?: PlugboardError
  /** The answer that reached the caller's side of the guard (after redirects). */
  response?: Response
}

/**
 * The request option that carries a call's state. ky hands options it does not know to its fetch
 * (the guard below) and keeps them in the options its errors hold (read by `shouldRetry`): one
 * plain property, where a `context` would be merged and copied on every request.
 */
export const STATE_OPTION = 'plugboard'

function stateOf(options: object | undefined): CallState | undefined {
  return (options as Record<string, CallState | undefined> | undefined)?.[STATE_OPTION]
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
  const { response, options } = error as { response?: Response; options?: object }
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

/**
 * The response, bounded by the size limit. An answer that declares its length within the limit
 * and is not encoded (fetch decodes gzip, whose declared length is the compressed one) is
 * returned as it is: the HTTP parser reads no more than the declared length. Any other body is
 * counted as it arrives; past the limit it errors, which cancels the fetch and drops the
 * connection.
 */
function limited(state: CallState, response: Response): Response {
  const tooLarge = (declared?: number) =>
    new ResponseTooLargeError({ request: state.request, limit: state.maxResponseSize, declared })
  const length = response.headers.get('content-length')
  const declared = length === null || !/^\d+$/.test(length) ? undefined : Number(length)
  if (declared !== undefined && declared > state.maxResponseSize) {
    state.ended = tooLarge(declared)
    void response.body?.cancel().catch(() => undefined)
    throw state.ended
  }
  if (response.body === null) return response
  const encoding = response.headers.get('content-encoding')
  if (declared !== undefined && (encoding === null || encoding === 'identity')) return response
  let received = 0
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      received += chunk.byteLength
      if (received > state.maxResponseSize) {
        state.ended = tooLarge(declared)
        // Erroring the stream cancels the fetch's body: the connection is dropped.
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
 * The fetch ky sends through (requests are made with `redirect: 'manual'`): follows a same-origin
 * redirect of a GET or HEAD up to {@link MAX_REDIRECTS} times, refuses every other redirect with
 * a RedirectError (never retried), and bounds the answer's size. Working inside fetch rather than
 * in an `afterResponse` hook spares ky a copy (a tee) of every answer's body.
 */
export function guardedFetch(fetchFunction: FetchFunction | undefined): FetchFunction {
  const send: FetchFunction = fetchFunction ?? ((input, init) => globalThis.fetch(input, init))
  return (input, init) => {
    const state = stateOf(init)
    if (state === undefined || !(input instanceof Request)) return send(input, init)
    // A promise callback, not an async function: one layer fewer on every call's way.
    let sending: Promise<Response>
    try {
      sending = send(input)
    } catch (error) {
      return Promise.reject(error)
    }
    return sending.then((response) => {
      if (REDIRECT_STATUSES.has(response.status)) {
        return followRedirects(send, state, input, response)
      }
      state.response = limited(state, response)
      return state.response
    })
  }
}

/** Follows or refuses the redirects of one call, then bounds the final answer's size. */
async function followRedirects(
  send: FetchFunction,
  state: CallState,
  request: Request,
  response: Response,
): Promise<Response> {
  let currentRequest = request
  let current = response
  for (let hops = 0; REDIRECT_STATUSES.has(current.status); hops++) {
    if (!current.headers.has('location')) break
    const target = redirectTarget(state, currentRequest, current, hops)
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
  state.response = limited(state, current)
  return state.response
}
