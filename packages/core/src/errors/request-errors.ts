import { isRetryableStatus } from '../protocol/facts.js'
import { brandOf, PlugboardError, type PlugboardErrorOptions } from './base.js'

/**
 * What is known of the request that failed, the same on every error a request raises (never its
 * query, headers or body).
 *
 * @group Errors
 */
export interface RequestSummary {
  /** The HTTP method. */
  readonly method: string
  /** The URL path relative to the platform's base URL, without the query string. */
  readonly path: string
}

/**
 * The options every error raised by a request takes.
 *
 * @group Errors
 */
export interface RequestErrorOptions extends PlugboardErrorOptions {
  /** The request that failed. */
  readonly request: RequestSummary
}

/**
 * The base class of the errors a request raises: each carries the same {@link RequestSummary}.
 *
 * @group Errors
 */
export abstract class RequestError extends PlugboardError {
  static override get brand(): symbol {
    return brandOf('RequestError')
  }

  /** The request that failed. */
  readonly request: RequestSummary

  constructor(message: string, options: RequestErrorOptions) {
    super(`${options.request.method} ${options.request.path} ${message}`, options)
    this.request = options.request
  }
}

/**
 * The options of {@link PlatformError}: what the platform said when it answered with an error.
 *
 * @group Errors
 */
export interface PlatformErrorOptions extends RequestErrorOptions {
  /** The HTTP status. */
  readonly status: number
  /** The platform's request id, for support. */
  readonly requestId?: string | undefined
  /** The platform's message. */
  readonly platformMessage: string
  /** The vendor's own message, when the platform relayed one. */
  readonly providerMessage?: string | undefined
}

/**
 * The platform answered with an error status (4xx or 5xx).
 *
 * @group Errors
 */
export class PlatformError extends RequestError {
  static override get brand(): symbol {
    return brandOf('PlatformError')
  }

  /** The HTTP status. */
  readonly status: number
  /** The platform's request id, for support. */
  readonly requestId?: string | undefined
  /** The platform's message. */
  readonly platformMessage: string
  /** The vendor's own message, when the platform relayed one. */
  readonly providerMessage?: string | undefined
  /** Whether the status is one of the retryable statuses (`RETRYABLE_STATUSES` of the protocol). */
  override readonly isRetryable: boolean

  constructor(options: PlatformErrorOptions) {
    const id = options.requestId === undefined ? '' : ` (request ${options.requestId})`
    const provider =
      options.providerMessage === undefined ? '' : ` Provider: ${options.providerMessage}`
    super(
      `failed with ${options.status}: ${options.platformMessage.replace(/\.+$/, '')}${id}.${provider}`,
      options,
    )
    this.status = options.status
    this.requestId = options.requestId
    this.platformMessage = options.platformMessage
    this.providerMessage = options.providerMessage
    this.isRetryable = isRetryableStatus(options.status)
  }
}

/**
 * The options of {@link ResponseValidationError}.
 *
 * @group Errors
 */
export interface ResponseValidationErrorOptions extends RequestErrorOptions {
  /** The dot path of the first field that failed in the answer's body (empty for the body itself). */
  readonly fieldPath: string
  /** Every failure, as `fieldPath: message`. */
  readonly issues: readonly string[]
  /** The answer as it came (see {@link ResponseValidationError.body}). */
  readonly body?: unknown
}

/**
 * The platform answered 2xx with a body that is not what the API promises.
 *
 * @group Errors
 */
export class ResponseValidationError extends RequestError {
  static override get brand(): symbol {
    return brandOf('ResponseValidationError')
  }

  /** The dot path of the first field that failed in the answer's body (empty for the body itself). */
  readonly fieldPath: string
  /** Every failure, as `fieldPath: message`. */
  readonly issues: readonly string[]
  /**
   * The answer as it came, parsed as JSON when it was JSON, so that nothing the platform sent is
   * lost — above all the token of an instance that was provisioned although its answer failed
   * the check. Not enumerable and absent from `util.inspect`, since it may hold a token: read
   * it, keep what you need, never log it.
   */
  declare readonly body: unknown

  constructor(options: ResponseValidationErrorOptions) {
    const at = options.fieldPath === '' ? '(root)' : options.fieldPath
    super(`answered with an unexpected body at ${at}: ${options.issues[0] ?? 'invalid'}`, options)
    this.fieldPath = options.fieldPath
    this.issues = options.issues
    Object.defineProperty(this, 'body', { value: options.body, enumerable: false })
  }

  /** The same error, carrying the answer's body (see {@link ResponseValidationError.body}). */
  withBody(body: unknown): ResponseValidationError {
    return new ResponseValidationError({
      request: this.request,
      fieldPath: this.fieldPath,
      issues: this.issues,
      body,
    })
  }
}

/**
 * The options of {@link NetworkError}.
 *
 * @group Errors
 */
export interface NetworkErrorOptions extends RequestErrorOptions {
  /** The system's reason when it gave one (e.g. `ECONNRESET`, `ECONNREFUSED`). */
  readonly reason?: string | undefined
}

/**
 * The request never got an answer: the connection was refused, reset or dropped.
 *
 * @group Errors
 */
export class NetworkError extends RequestError {
  static override get brand(): symbol {
    return brandOf('NetworkError')
  }

  override readonly isRetryable = true
  /** The system's reason when it gave one (e.g. `ECONNRESET`, `ECONNREFUSED`). */
  readonly reason?: string | undefined

  constructor(options: NetworkErrorOptions) {
    const reason = options.reason === undefined ? '' : ` (${options.reason})`
    super(`failed: no answer from the platform${reason}.`, options)
    this.reason = options.reason
  }
}

/**
 * The options of {@link TimeoutError}.
 *
 * @group Errors
 */
export interface TimeoutErrorOptions extends RequestErrorOptions {
  /** The per-attempt timeout in milliseconds. */
  readonly timeout: number
}

/**
 * The platform did not answer within the timeout of an attempt ({@link DeadlineError}, a
 * subclass: within the call's total time).
 *
 * @group Errors
 */
export class TimeoutError extends RequestError {
  static override get brand(): symbol {
    return brandOf('TimeoutError')
  }

  override readonly isRetryable = true
  /** The per-attempt timeout in milliseconds. */
  readonly timeout: number

  /** @param message - the message after the request summary (subclasses say more). */
  constructor(options: TimeoutErrorOptions, message = `timed out after ${options.timeout} ms.`) {
    super(message, options)
    this.timeout = options.timeout
  }
}
