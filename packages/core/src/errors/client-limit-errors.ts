import { brandOf } from './base.js'
import { RequestError, type RequestErrorOptions, TimeoutError } from './request-errors.js'

/**
 * Why a redirect was not followed.
 *
 * @group Errors
 */
export type RedirectRefusal =
  /** The target is on another origin (scheme, host or port): secrets never travel there. */
  | 'other-origin'
  /** The target is not an http(s) URL (`ftp:`, `data:`, `file:` …) or not a URL at all. */
  | 'not-http'
  /** A same-origin redirect of a method other than GET or HEAD (its body is not resent). */
  | 'method'
  /** More same-origin redirects in a row than the client follows. */
  | 'too-many'

/**
 * The options of {@link RedirectError}.
 *
 * @group Errors
 */
export interface RedirectErrorOptions extends RequestErrorOptions {
  /** The redirect's HTTP status (301, 302, 303, 307 or 308). */
  readonly status: number
  /**
   * Where it pointed: the target's origin (`http://127.0.0.1:4011`), or its scheme (`ftp:`)
   * when it has no http(s) origin; never its path or query. Secrets are redacted from it.
   */
  readonly target: string
  /** Why it was not followed. */
  readonly refusal: RedirectRefusal
}

const refusals: Readonly<Record<RedirectRefusal, string>> = {
  'other-origin': 'another origin',
  'not-http': 'a URL that is not http(s)',
  method: 'the same origin, which the client follows only for GET and HEAD',
  'too-many': 'the same origin once more than the client follows',
}

/**
 * The platform answered with a redirect the client does not follow. It never follows one to
 * another origin (the request carries the secrets), nor to a URL that is not http(s), nor for a
 * method other than GET or HEAD; same-origin GET and HEAD redirects are followed a few times
 * (`MAX_REDIRECTS`). Never retried.
 *
 * @group Errors
 */
export class RedirectError extends RequestError {
  static override get brand(): symbol {
    return brandOf('RedirectError')
  }

  /** The redirect's HTTP status. */
  readonly status: number
  /** The target's origin, or its scheme: never its path or query. */
  readonly target: string
  /** Why it was not followed. */
  readonly refusal: RedirectRefusal

  constructor(options: RedirectErrorOptions) {
    super(
      `was redirected (${options.status}) to ${refusals[options.refusal]}: ${options.target}. Not followed.`,
      options,
    )
    this.status = options.status
    this.target = options.target
    this.refusal = options.refusal
  }
}

/**
 * The options of {@link DeadlineError}.
 *
 * @group Errors
 */
export interface DeadlineErrorOptions extends RequestErrorOptions {
  /** The call's total time in milliseconds (`totalTimeout`). */
  readonly timeout: number
  /** The wait the platform asked for with `Retry-After`, in milliseconds, when that ended the call. */
  readonly retryAfter?: number | undefined
  /** The status that came with that `Retry-After`. */
  readonly status?: number | undefined
}

/**
 * The call ran out of its total time (`totalTimeout`), which bounds every attempt, every wait
 * between attempts and the reading of the answer; or the platform asked with `Retry-After` for a
 * wait that reaches past it, which ends the call at once. A {@link TimeoutError}.
 *
 * @group Errors
 */
export class DeadlineError extends TimeoutError {
  static override get brand(): symbol {
    return brandOf('DeadlineError')
  }

  /** The wait the platform asked for with `Retry-After`, in milliseconds, when that ended the call. */
  readonly retryAfter?: number | undefined
  /** The status that came with that `Retry-After`. */
  readonly status?: number | undefined

  constructor(options: DeadlineErrorOptions) {
    super(
      options,
      options.retryAfter === undefined
        ? `ran out of its total time (${options.timeout} ms, every attempt and wait included).`
        : `gave up at once: the platform answered ${options.status ?? 'an error'} and asked to wait ${Math.ceil(options.retryAfter / 1000)} s, past the call's total time (${options.timeout} ms).`,
    )
    this.retryAfter = options.retryAfter
    this.status = options.status
  }
}

/**
 * The options of {@link ResponseTooLargeError}.
 *
 * @group Errors
 */
export interface ResponseTooLargeErrorOptions extends RequestErrorOptions {
  /** The limit in bytes (`maxResponseSize`). */
  readonly limit: number
  /** The size the answer declared (`Content-Length`), when it declared one. */
  readonly declared?: number | undefined
}

/**
 * An answer was larger than `maxResponseSize`. The client stopped reading it and dropped the
 * connection. Not retryable: the same call would meet the same answer.
 *
 * @group Errors
 */
export class ResponseTooLargeError extends RequestError {
  static override get brand(): symbol {
    return brandOf('ResponseTooLargeError')
  }

  /** The limit in bytes. */
  readonly limit: number
  /** The size the answer declared, when it declared one. */
  readonly declared?: number | undefined

  constructor(options: ResponseTooLargeErrorOptions) {
    const declared =
      options.declared === undefined ? '' : ` (it declared ${options.declared} bytes)`
    super(
      `answered with more than ${options.limit} bytes, the client's maxResponseSize${declared}; the connection was dropped.`,
      options,
    )
    this.limit = options.limit
    this.declared = options.declared
  }
}

/**
 * The options of {@link PageLimitError}.
 *
 * @group Errors
 */
export interface PageLimitErrorOptions extends RequestErrorOptions {
  /** The most pages one iteration reads (`maxPages`). */
  readonly maxPages: number
}

/**
 * `iterate()` read `maxPages` pages and the platform still named a next page: the iteration
 * stops rather than run without end. Every instance of those pages was already yielded.
 *
 * @group Errors
 */
export class PageLimitError extends RequestError {
  static override get brand(): symbol {
    return brandOf('PageLimitError')
  }

  /** The most pages one iteration reads. */
  readonly maxPages: number

  constructor(options: PageLimitErrorOptions) {
    super(
      `named a next page after ${options.maxPages} pages, the most one iteration reads (maxPages); stopped.`,
      options,
    )
    this.maxPages = options.maxPages
  }
}
