/**
 * plugboard's error model: one small hierarchy. Every class carries a `Symbol.for` brand, so
 * `X.isInstance(error)` works even when an app ends up with two copies of `@plugboard/core`
 * (where `instanceof` would not). No error message, property or `util.inspect` output holds a
 * secret: secrets, tokens and secret configuration values are redacted before an error is built.
 */

const brandOf = (name: string): symbol => Symbol.for(`@plugboard/core/${name}`)

/**
 * The options every plugboard error accepts.
 *
 * @group Errors
 */
export interface PlugboardErrorOptions {
  /** The underlying error, when there is one that holds no secret. */
  readonly cause?: unknown
}

/**
 * The base class of every error plugboard throws.
 *
 * @group Errors
 */
export class PlugboardError extends Error {
  /** The brand that marks instances of this class across package copies. */
  static readonly brand: symbol = brandOf('PlugboardError')

  /**
   * Tells whether `value` is an instance of this class (or a subclass), even when it was thrown
   * by another copy of `@plugboard/core`.
   *
   * @example
   * ```ts
   * try {
   *   await client.provision(chargebee, request)
   * } catch (error) {
   *   if (ConfigurationError.isInstance(error)) console.error(error.missing)
   * }
   * ```
   */
  static isInstance<T extends abstract new (...args: never[]) => PlugboardError>(
    this: T & { readonly brand: symbol },
    value: unknown,
  ): value is InstanceType<T> {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[this.brand] === true
    )
  }

  /** Whether the same call may succeed if it is made again. */
  readonly isRetryable: boolean = false

  constructor(message: string, options: PlugboardErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = new.target.name
    // Brand the instance with every class of its chain, so each class's isInstance answers.
    for (
      let ctor: unknown = new.target;
      typeof ctor === 'function' && 'brand' in ctor;
      ctor = Object.getPrototypeOf(ctor)
    ) {
      Object.defineProperty(this, (ctor as { brand: symbol }).brand, { value: true })
    }
  }
}

/**
 * Why a configuration entry was refused.
 *
 * @group Errors
 */
export type ConfigurationIssueKind = 'missing' | 'invalid' | 'unknown'

/**
 * One refused configuration entry.
 *
 * @group Errors
 */
export interface ConfigurationIssue {
  /** The configuration key, e.g. `"site"`. */
  readonly key: string
  /** Whether the entry is missing, has an invalid value, or is not an entry of the connector. */
  readonly kind: ConfigurationIssueKind
  /** Why, in words. Never contains the value of a secret entry. */
  readonly message: string
}

/**
 * A configuration was refused before anything was sent: it names every missing, invalid and
 * unknown entry at once.
 *
 * @group Errors
 */
export class ConfigurationError extends PlugboardError {
  static override readonly brand: symbol = brandOf('ConfigurationError')

  /** The key of the connector whose configuration was refused. */
  readonly connectorKey: string
  /** Every refused entry. */
  readonly issues: readonly ConfigurationIssue[]

  constructor(connectorKey: string, issues: readonly ConfigurationIssue[]) {
    super(ConfigurationError.describe(connectorKey, issues))
    this.connectorKey = connectorKey
    this.issues = issues
  }

  /** The keys of the missing required entries. */
  get missing(): string[] {
    return this.keysOf('missing')
  }

  /** The keys of the entries whose values were refused. */
  get invalid(): string[] {
    return this.keysOf('invalid')
  }

  /** The keys that are not entries of the connector. */
  get unknown(): string[] {
    return this.keysOf('unknown')
  }

  private keysOf(kind: ConfigurationIssueKind): string[] {
    return this.issues.filter((issue) => issue.kind === kind).map((issue) => issue.key)
  }

  private static describe(connectorKey: string, issues: readonly ConfigurationIssue[]): string {
    const parts: string[] = []
    const missing = issues.filter((issue) => issue.kind === 'missing')
    const invalid = issues.filter((issue) => issue.kind === 'invalid')
    const unknown = issues.filter((issue) => issue.kind === 'unknown')
    if (missing.length > 0) {
      parts.push(`missing required entries: ${missing.map((issue) => issue.key).join(', ')}`)
    }
    for (const issue of invalid) parts.push(`invalid entry "${issue.key}": ${issue.message}`)
    if (unknown.length > 0) {
      parts.push(`unknown entries: ${unknown.map((issue) => issue.key).join(', ')}`)
    }
    return `The ${connectorKey} configuration was refused: ${parts.join('; ')}.`
  }
}

/**
 * A connector key was looked up that the registry does not hold.
 *
 * @group Errors
 */
export class UnknownConnectorError extends PlugboardError {
  static override readonly brand: symbol = brandOf('UnknownConnectorError')

  /** The key that was looked up. */
  readonly key: string
  /** The keys the registry holds. */
  readonly knownKeys: readonly string[]

  constructor(key: string, knownKeys: readonly string[]) {
    const known = knownKeys.length > 0 ? knownKeys.join(', ') : '(none registered)'
    super(`Unknown connector "${key}". Known connectors: ${known}.`)
    this.key = key
    this.knownKeys = knownKeys
  }
}

/**
 * Why a connector was refused at registration.
 *
 * @group Errors
 */
export type RegistrationFailure = 'duplicate-key' | 'unsupported-specification' | 'key-mismatch'

/**
 * A connector was refused at registration: a duplicate key, or a specification version core does not implement.
 *
 * @group Errors
 */
export class RegistrationError extends PlugboardError {
  static override readonly brand: symbol = brandOf('RegistrationError')

  /** The key of the refused connector. */
  readonly key: string
  /** Why it was refused. */
  readonly reason: RegistrationFailure

  constructor(key: string, reason: RegistrationFailure, message: string) {
    super(message)
    this.key = key
    this.reason = reason
  }
}

/**
 * What is known of the request that failed (never its headers or body).
 *
 * @group Errors
 */
export interface RequestSummary {
  /** The HTTP method. */
  readonly method: string
  /** The request path relative to the platform's base URL, without the query string. */
  readonly path: string
}

/**
 * What the platform said when it answered with an error status.
 *
 * @group Errors
 */
export interface PlatformErrorDetails extends RequestSummary {
  /** The HTTP status. */
  readonly status: number
  /** The platform's request id, for support. */
  readonly requestId?: string | undefined
  /** The platform's message. */
  readonly platformMessage: string
  /** The vendor's own message, when the platform relayed one. */
  readonly providerMessage?: string | undefined
}

const retryableStatuses = new Set([408, 425, 429, 500, 502, 503, 504])

/**
 * A call was made with an argument that cannot be sent: an empty instance name, a base URL that is
 * not an http(s) URL, an empty secret. Nothing was sent.
 *
 * @group Errors
 */
export class InvalidArgumentError extends PlugboardError {
  static override readonly brand: symbol = brandOf('InvalidArgumentError')

  /** The name of the refused argument, e.g. `"name"` or `"baseUrl"`. */
  readonly argument: string

  constructor(argument: string, message: string) {
    super(message)
    this.argument = argument
  }
}

/**
 * The platform answered with an error status (4xx or 5xx).
 *
 * @group Errors
 */
export class PlatformError extends PlugboardError implements PlatformErrorDetails {
  static override readonly brand: symbol = brandOf('PlatformError')

  readonly status: number
  readonly requestId?: string | undefined
  readonly platformMessage: string
  readonly providerMessage?: string | undefined
  readonly method: string
  readonly path: string
  override readonly isRetryable: boolean

  constructor(details: PlatformErrorDetails) {
    const request = details.requestId === undefined ? '' : ` (request ${details.requestId})`
    const provider =
      details.providerMessage === undefined ? '' : ` Provider: ${details.providerMessage}`
    super(
      `${details.method} ${details.path} failed with ${details.status}: ${details.platformMessage.replace(/\.+$/, '')}${request}.${provider}`,
    )
    this.status = details.status
    this.requestId = details.requestId
    this.platformMessage = details.platformMessage
    this.providerMessage = details.providerMessage
    this.method = details.method
    this.path = details.path
    this.isRetryable = retryableStatuses.has(details.status)
  }
}

/**
 * The platform answered 2xx with a body that is not what the API promises.
 *
 * @group Errors
 */
export class ResponseValidationError extends PlugboardError {
  static override readonly brand: symbol = brandOf('ResponseValidationError')

  /** The request whose answer was refused. */
  readonly request: RequestSummary
  /** The dot path of the first field that failed (empty for the body itself). */
  readonly path: string
  /** Every failure, as `path: message`. */
  readonly issues: readonly string[]
  /**
   * The answer as it came, parsed as JSON when it was JSON, so that nothing the platform sent is
   * lost — above all the token of an instance that was provisioned although its answer failed
   * the check. Not enumerable and absent from `util.inspect`, since it may hold a token: read
   * it, keep what you need, never log it.
   */
  declare readonly body: unknown

  constructor(
    request: RequestSummary,
    path: string,
    issues: readonly string[],
    options: { readonly body?: unknown } = {},
  ) {
    super(
      `${request.method} ${request.path} answered with an unexpected body at ${path === '' ? '(root)' : path}: ${issues[0] ?? 'invalid'}`,
    )
    this.request = request
    this.path = path
    this.issues = issues
    Object.defineProperty(this, 'body', { value: options.body, enumerable: false })
  }

  /** The same error, carrying the answer's body (see {@link ResponseValidationError.body}). */
  withBody(body: unknown): ResponseValidationError {
    return new ResponseValidationError(this.request, this.path, this.issues, { body })
  }
}

/**
 * The request never got an answer: the connection was refused, reset or dropped.
 *
 * @group Errors
 */
export class NetworkError extends PlugboardError {
  static override readonly brand: symbol = brandOf('NetworkError')

  /** The request that failed. */
  readonly request: RequestSummary
  override readonly isRetryable = true

  /** The system's reason when it gave one (e.g. `ECONNRESET`, `ECONNREFUSED`). */
  readonly reason?: string | undefined

  constructor(
    request: RequestSummary,
    options: PlugboardErrorOptions & { readonly reason?: string | undefined } = {},
  ) {
    const reason = options.reason === undefined ? '' : ` (${options.reason})`
    super(
      `${request.method} ${request.path} failed: no answer from the platform${reason}.`,
      options,
    )
    this.request = request
    this.reason = options.reason
  }
}

/**
 * The platform did not answer within the timeout.
 *
 * @group Errors
 */
export class TimeoutError extends PlugboardError {
  static override readonly brand: symbol = brandOf('TimeoutError')

  /** The request that timed out. */
  readonly request: RequestSummary
  /** The per-attempt timeout in milliseconds. */
  readonly timeout: number
  override readonly isRetryable = true

  constructor(request: RequestSummary, timeout: number) {
    super(`${request.method} ${request.path} timed out after ${timeout} ms.`)
    this.request = request
    this.timeout = timeout
  }
}
