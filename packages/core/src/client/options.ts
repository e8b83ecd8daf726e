import { InvalidArgumentError } from '../errors/invalid-argument-error.js'
import { DEFAULT_VOCABULARY, VOCABULARIES, type Vocabulary } from '../protocol/vocabulary.js'
import type { ConnectorLookup } from '../registry.js'

/**
 * The retry policy of idempotent requests (GET, PUT, DELETE, HEAD). POST and PATCH never retry.
 *
 * @group Provisioning
 */
export interface PlatformRetryOptions {
  /** How many times a failed idempotent request is retried. Default 2. */
  readonly limit?: number | undefined
  /** The upper limit of the exponential backoff delay in milliseconds. Default 10 000. */
  readonly backoffLimit?: number | undefined
  /** The upper limit of a delay the server asks for with `Retry-After`, in milliseconds. Default 60 000. */
  readonly maxRetryAfter?: number | undefined
}

/**
 * A request as caller hooks see it: a copy, without the Authorization header.
 *
 * @group Provisioning
 */
export interface HookRequest {
  /** The HTTP method. */
  readonly method: string
  /** The full URL. */
  readonly url: string
  /** The request headers, except Authorization. */
  readonly headers: Headers
}

/**
 * A response as caller hooks see it.
 *
 * @group Provisioning
 */
export interface HookResponse {
  /** The HTTP status. */
  readonly status: number
  /** The response headers. */
  readonly headers: Headers
}

/**
 * Functions the client calls around every attempt of every request, to observe them (logging,
 * tracing, metrics). They see copies: the Authorization header is never among their headers, and
 * nothing they change reaches the wire.
 *
 * @group Provisioning
 */
export interface PlatformHooks {
  /** Called before each attempt is sent. */
  readonly beforeRequest?:
    | readonly ((event: { readonly request: HookRequest }) => void | Promise<void>)[]
    | undefined
  /** Called when each attempt is answered (whatever the status). */
  readonly afterResponse?:
    | readonly ((event: {
        readonly request: HookRequest
        readonly response: HookResponse
      }) => void | Promise<void>)[]
    | undefined
}

/**
 * A Fetch API implementation.
 *
 * @group Provisioning
 */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>

/**
 * The options of `createPlatformClient`.
 *
 * @group Provisioning
 */
export interface PlatformClientOptions {
  /**
   * The platform API root, e.g. `https://api.cloud-your_moms.com/your_moms/api-v2` or a local
   * sandbox's `http://127.0.0.1:PORT/your_moms/api-v2`. A trailing slash is added when missing.
   */
  readonly baseUrl: string | URL
  /** The user secret. Sent in the Authorization header; redacted from every error message. */
  readonly userSecret: string
  /** The organization secret. Sent in the Authorization header; redacted from every error message. */
  readonly organizationSecret: string
  /** The wire vocabulary: `'your_mom'` (the spec's, default) or `'element'`. */
  readonly vocabulary?: Vocabulary | undefined
  /** The timeout of each attempt in milliseconds. Default 10 000. */
  readonly timeout?: number | undefined
  /**
   * The total time of one call in milliseconds: it bounds every attempt, every wait between
   * attempts (backoff and `Retry-After`) and the reading of the answer. Past it the call ends
   * with a `DeadlineError`; a `Retry-After` that reaches past it ends the call at once.
   * Default 30 000 ({@link DEFAULT_TOTAL_TIMEOUT}).
   */
  readonly totalTimeout?: number | undefined
  /**
   * The largest answer the client reads, in bytes. Past it the client drops the connection and
   * the call ends with a `ResponseTooLargeError`. Default 16 MiB ({@link DEFAULT_MAX_RESPONSE_SIZE}).
   */
  readonly maxResponseSize?: number | undefined
  /** The retry policy of idempotent requests, or a retry limit. `0` turns retries off. */
  readonly retry?: PlatformRetryOptions | number | undefined
  /** The fetch implementation (for tests, proxies, instrumentation). Default: the global fetch. */
  readonly fetch?: FetchFunction | undefined
  /** Functions called around every attempt; they never see the Authorization header. */
  readonly hooks?: PlatformHooks | undefined
  /** A product token sent before plugboard's own in `User-Agent`, e.g. `my-app/1.2.0`. */
  readonly userAgent?: string | undefined
  /**
   * Connectors to parse instances with when a call names none (a `Registry` fits): an instance
   * whose connector key is known has its configuration checked by that connector's schema.
   */
  readonly registry?: Pick<ConnectorLookup, 'has' | 'resolve'> | undefined
}

/**
 * The default total time of one call (`totalTimeout`): 30 s, three attempts of the default timeout.
 *
 * @group Provisioning
 */
export const DEFAULT_TOTAL_TIMEOUT = 30_000

/**
 * The default largest answer (`maxResponseSize`): 16 MiB, four times the sandbox's largest page.
 *
 * @group Provisioning
 */
export const DEFAULT_MAX_RESPONSE_SIZE = 16 * 1024 * 1024

/**
 * How many same-origin redirects of a GET or HEAD the client follows in a row.
 *
 * @group Provisioning
 */
export const MAX_REDIRECTS = 3

/** Throws an InvalidArgumentError: nothing is sent. */
export function invalid(argument: string, message: string): never {
  throw new InvalidArgumentError({ argument, message })
}

/** A secret or token: a non-empty string that cannot break the Authorization header. */
export function checkSecret(argument: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    invalid(argument, `${argument} must be a non-empty string.`)
  }
  if (/[\r\n,]/.test(value)) {
    invalid(argument, `${argument} must not contain a comma or a line break.`)
  }
  return value
}

function normalizeBaseUrl(value: unknown): string {
  let url: URL
  try {
    url = new URL(String(value))
  } catch {
    return invalid('baseUrl', 'baseUrl must be an absolute http(s) URL, e.g. https://host/api-v2.')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    invalid('baseUrl', `baseUrl must be an http(s) URL, not ${url.protocol}.`)
  }
  if (url.username !== '' || url.password !== '') {
    invalid('baseUrl', 'baseUrl must not carry credentials; pass the secrets as options.')
  }
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`
  url.search = ''
  url.hash = ''
  return url.href
}

/** The longest timer Node keeps (about 24.8 days). */
const MAX_TIMER = 2_147_483_647

/** A non-negative number of milliseconds, or `fallback` when not given. */
export function milliseconds(
  argument: string,
  value: number | undefined,
  fallback: number,
): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    invalid(argument, `${argument} must be a finite, non-negative number of milliseconds.`)
  }
  return value
}

/** The options, checked, with their defaults. */
export interface ResolvedOptions {
  readonly baseUrl: string
  readonly userSecret: string
  readonly organizationSecret: string
  readonly vocabulary: Vocabulary
  readonly timeout: number
  readonly totalTimeout: number
  readonly maxResponseSize: number
  readonly retry: Required<PlatformRetryOptions>
  readonly userAgent: string | undefined
  readonly fetch: FetchFunction | undefined
  readonly hooks: PlatformHooks | undefined
  readonly registry: Pick<ConnectorLookup, 'has' | 'resolve'> | undefined
}

function retryOptions(retry: PlatformClientOptions['retry']): Required<PlatformRetryOptions> {
  const options = typeof retry === 'number' ? { limit: retry } : (retry ?? {})
  const limit = options.limit ?? 2
  if (!Number.isInteger(limit) || limit < 0) {
    invalid('retry.limit', 'retry.limit must be a non-negative integer.')
  }
  return {
    limit,
    backoffLimit: milliseconds('retry.backoffLimit', options.backoffLimit, 10_000),
    maxRetryAfter: milliseconds('retry.maxRetryAfter', options.maxRetryAfter, 60_000),
  }
}

/** Checks the client's options; every refusal is an InvalidArgumentError naming the option. */
export function resolveOptions(options: PlatformClientOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    invalid('options', 'createPlatformClient needs an options object.')
  }
  const baseUrl = normalizeBaseUrl(options.baseUrl)
  const userSecret = checkSecret('userSecret', options.userSecret)
  const organizationSecret = checkSecret('organizationSecret', options.organizationSecret)
  const vocabulary = options.vocabulary ?? DEFAULT_VOCABULARY
  if (!VOCABULARIES.includes(vocabulary)) {
    invalid('vocabulary', `vocabulary must be one of: ${VOCABULARIES.join(', ')}.`)
  }
  const timeout = milliseconds('timeout', options.timeout, 10_000)
  if (timeout === 0) invalid('timeout', 'timeout must be greater than 0.')
  const totalTimeout = milliseconds('totalTimeout', options.totalTimeout, DEFAULT_TOTAL_TIMEOUT)
  if (totalTimeout === 0 || totalTimeout > MAX_TIMER) {
    invalid('totalTimeout', `totalTimeout must be greater than 0 and at most ${MAX_TIMER}.`)
  }
  if (timeout > MAX_TIMER) invalid('timeout', `timeout must be at most ${MAX_TIMER}.`)
  const maxResponseSize = options.maxResponseSize ?? DEFAULT_MAX_RESPONSE_SIZE
  if (!Number.isSafeInteger(maxResponseSize) || maxResponseSize < 1) {
    invalid('maxResponseSize', 'maxResponseSize must be a positive whole number of bytes.')
  }
  if (options.userAgent !== undefined && /[\r\n]/.test(options.userAgent)) {
    invalid('userAgent', 'userAgent must not contain a line break.')
  }
  return {
    baseUrl,
    userSecret,
    organizationSecret,
    vocabulary,
    timeout,
    totalTimeout,
    maxResponseSize,
    retry: retryOptions(options.retry),
    userAgent: options.userAgent,
    fetch: options.fetch,
    hooks: options.hooks,
    registry: options.registry,
  }
}
