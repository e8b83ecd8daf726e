import type { Options } from 'ky'
import * as v from 'valibot'
import { PlugboardError } from '../errors/base.js'
import { DeadlineError } from '../errors/client-limit-errors.js'
import {
  NetworkError,
  PlatformError,
  type RequestSummary,
  TimeoutError,
} from '../errors/request-errors.js'
import type { Transport } from './context.js'
import { type CallState, STATE_OPTION } from './guards.js'
import { parseJsonBody } from './parse.js'
import type { Redactor } from './redact.js'
import { type KyPair, kyOf } from './transport.js'
import { answerSchemas } from './wire.js'

/** The HTTP methods the client sends. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** One request. */
export interface RequestOptions {
  /** The HTTP method. */
  readonly method: Method
  /** The path relative to the base URL, without a leading slash. */
  readonly path: string
  /** A JSON body. */
  readonly json?: unknown
  /** Query parameters. */
  readonly searchParams?: URLSearchParams | undefined
  /** Extra headers (never `Authorization`: the transport's wins). */
  readonly headers?: Readonly<Record<string, string>> | undefined
  /** Secrets this request carries (configuration values), redacted from error messages. */
  readonly secrets?: Iterable<string | null | undefined> | undefined
}

/** What came back from a successful request. */
export interface Answer {
  /** The response body as text. */
  readonly text: string
  /** The response headers. */
  readonly headers: Headers
  /** The request, for error messages. */
  readonly request: RequestSummary
}

/** Turns an answer's body into what the call returns; throws ResponseValidationError. */
export type Parser<T> = (body: unknown, answer: Answer) => T

/** The methods the retry policy may repeat (idempotent ones). */
const retried: ReadonlySet<Method> = new Set(['GET', 'PUT', 'DELETE'])

const systemCode = /^[A-Z][A-Z0-9_]{2,40}$/

/** The system error code somewhere in an error's cause chain (`ECONNRESET`, `UND_ERR_SOCKET`). */
function codeOf(error: unknown): string | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && systemCode.test(code)) return code
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

/** The method and path of a request, for error messages: never its query, headers or body. */
function summarize(method: Method, path: string): RequestSummary {
  const bare = /[?#]/.test(path) ? (path.split(/[?#]/, 1)[0] ?? '') : path
  return { method, path: `/${withoutLeadingSlashes(bare)}` }
}

/** A path without its leading slashes (most paths have none: no new string then). */
function withoutLeadingSlashes(path: string): string {
  return path.startsWith('/') ? path.replace(/^\/+/, '') : path
}

/** The most characters of a platform's message an error shows. */
const MESSAGE_LIMIT = 1000

/**
 * `text` redacted, then cut to `limit` characters. Redacted first, over the first `limit` + 4096
 * characters, so that a cut never shows the start of a secret up to 4096 characters long.
 */
function shown(text: string, redact: Redactor, limit = MESSAGE_LIMIT): string {
  const redacted = redact(text.length > limit + 4096 ? text.slice(0, limit + 4096) : text)
  return redacted.length > limit ? `${redacted.slice(0, limit)}…` : redacted
}

/** Builds a PlatformError from an error status and its (pre-read) body, every text redacted. */
function platformError(
  request: RequestSummary,
  response: Response,
  data: unknown,
  redact: Redactor,
): PlatformError {
  const { status, statusText } = response
  const fallback = statusText.trim() === '' ? `HTTP ${status}` : statusText
  let platformMessage = fallback
  let requestId: string | undefined
  let providerMessage: string | undefined
  const body = v.safeParse(answerSchemas.get().errorBodySchema, data)
  if (body.success && !Array.isArray(data)) {
    platformMessage = shown(body.output.message ?? fallback, redact)
    requestId = body.output.requestId
    providerMessage = body.output.providerMessage
  } else if (typeof data === 'string' && data.trim() !== '') {
    const snippet = shown(data.replace(/\s+/g, ' ').trim(), redact, 200)
    platformMessage = `${fallback} (the body was not the platform's JSON error: "${snippet}")`
  }
  return new PlatformError({
    request,
    status,
    requestId: requestId === undefined ? undefined : shown(requestId, redact, 200),
    platformMessage: redact(platformMessage),
    providerMessage: providerMessage === undefined ? undefined : shown(providerMessage, redact),
  })
}

function withoutAuthorization(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'authorization'),
  )
}

/** The redactor of one call: the index of remembered secrets, plus the call's own. */
function redactorOf(transport: Transport, options: RequestOptions): Redactor {
  let redactor: Redactor | undefined
  return (text) => {
    redactor ??= transport.secrets.redactor([...transport.own, ...(options.secrets ?? [])])
    return redactor(text)
  }
}

/**
 * Sends one request through the transport and reads its body. Maps ky's errors to plugboard's:
 * HTTPError to PlatformError, TimeoutError to TimeoutError (DeadlineError past the call's total
 * time), NetworkError to NetworkError; the guards' own errors (RedirectError,
 * ResponseTooLargeError, DeadlineError) pass through. ky's errors (which hold the Request and so
 * the Authorization header) are never attached as causes. The secrets the request carries are
 * remembered, so that a later error echoing them is redacted too.
 */
export function send(transport: Transport, options: RequestOptions): Promise<Answer> {
  try {
    const started = performance.now()
    if (options.secrets !== undefined) {
      for (const secret of options.secrets) transport.secrets.remember(secret)
    }
    // Made on the first call: later ones take them at once.
    const pair = kyOf(transport)
    return pair instanceof Promise
      ? pair.then((made) => sendWith(made, transport, options, started))
      : sendWith(pair, transport, options, started)
  } catch (error) {
    return Promise.reject(error)
  }
}

/**
 * The request through ky, its body read: promise callbacks rather than an async function, one
 * layer fewer on every call's way.
 */
function sendWith(
  { ky, retried: retrying, once }: KyPair,
  transport: Transport,
  options: RequestOptions,
  started: number,
): Promise<Answer> {
  const request = summarize(options.method, options.path)
  const redact = redactorOf(transport, options)
  const state: CallState = {
    request,
    redact,
    deadline: started + transport.totalTimeout,
    totalTimeout: transport.totalTimeout,
    maxResponseSize: transport.maxResponseSize,
  }
  // POST and PATCH are never retried: a retried POST can create a duplicate instance.
  const api = retried.has(options.method) ? retrying : once
  // An absolute URL, the call's state as an option ky hands its fetch, no signal of our own
  // (ky's own aborts the attempt), and ky's body read, timed by its per-attempt timeout and
  // the total one: ky does all of it once, where the client used to add its own on top.
  const kyOptions: Record<string, unknown> = { method: options.method }
  kyOptions[STATE_OPTION] = state
  if (options.json !== undefined) kyOptions.json = options.json
  if (options.searchParams !== undefined) kyOptions.searchParams = options.searchParams
  if (options.headers !== undefined) kyOptions.headers = withoutAuthorization(options.headers)
  const url = transport.baseUrl + withoutLeadingSlashes(options.path)
  const fail = (error: unknown): never => {
    if (state.ended !== undefined) throw state.ended
    if (PlugboardError.isInstance(error)) throw error
    if (ky.isHTTPError(error)) throw platformError(request, error.response, error.data, redact)
    if (ky.isTimeoutError(error)) {
      throw performance.now() >= state.deadline
        ? new DeadlineError({ request, timeout: transport.totalTimeout })
        : new TimeoutError({ request, timeout: transport.timeout })
    }
    if (ky.isNetworkError(error)) throw new NetworkError({ request, reason: codeOf(error.cause) })
    // A body cut off (reset socket, broken encoding) fails as the runtime's TypeError.
    if (state.response !== undefined && error instanceof TypeError) {
      throw new NetworkError({ request, reason: codeOf(error) })
    }
    throw error
  }
  let reading: Promise<string>
  try {
    reading = api(url, kyOptions as Options).text()
  } catch (error) {
    return Promise.reject(error).catch(fail)
  }
  return reading.then(
    (text) => ({ text, headers: state.response?.headers ?? new Headers(), request }),
    fail,
  )
}

/**
 * The one request helper: sends, maps errors, and parses the answer's JSON body with `parse`
 * (an empty body is `undefined` when `parse` is omitted, a ResponseValidationError otherwise).
 */
export async function request<T>(
  transport: Transport,
  options: RequestOptions,
  parse: Parser<T>,
): Promise<T> {
  const answer = await send(transport, options)
  return parse(parseJsonBody(answer.request, answer.text), answer)
}

/** Sends a request whose answer carries nothing the caller needs. */
export async function requestNothing(transport: Transport, options: RequestOptions): Promise<void> {
  await send(transport, options)
}
