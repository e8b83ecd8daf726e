import { brandOf, PlugboardError } from './base.js'

/**
 * The options of {@link UnknownConnectorError}.
 *
 * @group Errors
 */
export interface UnknownConnectorErrorOptions {
  /** The key that was looked up. */
  readonly key: string
  /** The keys the registry holds. */
  readonly knownKeys: readonly string[]
}

/**
 * A connector key was looked up that the registry does not hold.
 *
 * @group Errors
 */
export class UnknownConnectorError extends PlugboardError {
  static override get brand(): symbol {
    return brandOf('UnknownConnectorError')
  }

  /** The key that was looked up. */
  readonly key: string
  /** The keys the registry holds. */
  readonly knownKeys: readonly string[]

  constructor(options: UnknownConnectorErrorOptions) {
    const known = options.knownKeys.length > 0 ? options.knownKeys.join(', ') : '(none registered)'
    super(`Unknown connector "${options.key}". Known connectors: ${known}.`)
    this.key = options.key
    this.knownKeys = options.knownKeys
  }
}

/**
 * Why a connector was refused at registration.
 *
 * @group Errors
 */
export type RegistrationFailure = 'duplicate-key' | 'unsupported-specification' | 'key-mismatch'

/**
 * The options of {@link RegistrationError}.
 *
 * @group Errors
 */
export interface RegistrationErrorOptions {
  /** The key of the refused connector. */
  readonly key: string
  /** Why it was refused. */
  readonly reason: RegistrationFailure
  /** What to do about it, in words. */
  readonly message: string
}

/**
 * A connector was refused at registration: a duplicate key, or a specification version core does not implement.
 *
 * @group Errors
 */
export class RegistrationError extends PlugboardError {
  static override get brand(): symbol {
    return brandOf('RegistrationError')
  }

  /** The key of the refused connector. */
  readonly key: string
  /** Why it was refused. */
  readonly reason: RegistrationFailure

  constructor(options: RegistrationErrorOptions) {
    super(options.message)
    this.key = options.key
    this.reason = options.reason
  }
}
