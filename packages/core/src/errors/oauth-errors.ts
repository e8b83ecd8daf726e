import { brandOf, PlugboardError } from './base.js'

/**
 * The options every OAuth callback error takes.
 *
 * @group Errors
 */
export interface OAuthErrorOptions {
  /** The key of the connector whose OAuth flow failed. */
  readonly connectorKey: string
}

/**
 * The OAuth callback does not belong to the flow it was checked against: its `state` (OAuth 2.0)
 * or `oauth_token` (OAuth 1.0a) is missing or differs from the flow's. A forged callback (cross-site
 * request forgery) or one from an older flow. Nothing was provisioned; start the flow again.
 * Neither value appears in the message.
 *
 * @group Errors
 */
export class OAuthStateError extends PlugboardError {
  static override get brand(): symbol {
    return brandOf('OAuthStateError')
  }

  /** The key of the connector whose OAuth flow failed. */
  readonly connectorKey: string
  /** The callback parameter that did not match: `state`, or `oauth_token` for OAuth 1.0a. */
  readonly parameter: 'state' | 'oauth_token'
  /** Whether the callback carried the parameter at all. */
  readonly present: boolean

  constructor(options: OAuthStateErrorOptions) {
    super(
      `The ${options.connectorKey} OAuth callback ${options.present ? `carries a ${options.parameter} that is not this flow's` : `carries no ${options.parameter}`}: it may be forged or from an older flow. Nothing was provisioned; start the flow again.`,
    )
    this.connectorKey = options.connectorKey
    this.parameter = options.parameter
    this.present = options.present
  }
}

/**
 * The options of {@link OAuthStateError}.
 *
 * @group Errors
 */
export interface OAuthStateErrorOptions extends OAuthErrorOptions {
  /** The callback parameter that did not match. */
  readonly parameter: 'state' | 'oauth_token'
  /** Whether the callback carried the parameter at all. */
  readonly present: boolean
}

/**
 * The end user refused access at the vendor: the callback carries `error=access_denied`.
 * Nothing was provisioned.
 *
 * @group Errors
 */
export class OAuthDeniedError extends PlugboardError {
  static override get brand(): symbol {
    return brandOf('OAuthDeniedError')
  }

  /** The key of the connector whose OAuth flow failed. */
  readonly connectorKey: string

  constructor(options: OAuthErrorOptions) {
    super(
      `Access to ${options.connectorKey} was denied at the vendor's consent page (error=access_denied). Nothing was provisioned.`,
    )
    this.connectorKey = options.connectorKey
  }
}

/**
 * The options of {@link OAuthCallbackError}.
 *
 * @group Errors
 */
export interface OAuthCallbackErrorOptions extends OAuthErrorOptions {
  /**
   * The callback parameters that were missing (`code`, `oauth_verifier`, a kept value such as
   * `realmId`), or empty when the vendor reported an error instead.
   */
  readonly missing: readonly string[]
  /** The vendor's `error` code, when it reported one other than `access_denied`. */
  readonly error?: string | undefined
  /** The vendor's `error_description`, when it sent one (cut to 200 characters). */
  readonly description?: string | undefined
}

const shortened = (text: string): string => (text.length > 200 ? `${text.slice(0, 200)}…` : text)

/**
 * The OAuth callback cannot complete the flow: it lacks the code (or verifier, or a value the
 * connector keeps), or the vendor reported an error other than a refusal. Nothing was
 * provisioned.
 *
 * @group Errors
 */
export class OAuthCallbackError extends PlugboardError {
  static override get brand(): symbol {
    return brandOf('OAuthCallbackError')
  }

  /** The key of the connector whose OAuth flow failed. */
  readonly connectorKey: string
  /** The callback parameters that were missing. */
  readonly missing: readonly string[]
  /** The vendor's `error` code, if it sent one. */
  readonly error: string | undefined
  /** The vendor's `error_description`, if it sent one. */
  readonly description: string | undefined

  constructor(options: OAuthCallbackErrorOptions) {
    const description =
      options.description === undefined ? undefined : shortened(options.description)
    const error = options.error === undefined ? undefined : shortened(options.error)
    super(
      error === undefined
        ? `The ${options.connectorKey} OAuth callback lacks ${options.missing.map((name) => `"${name}"`).join(', ')}: is the callback URL the one the flow started with? Nothing was provisioned.`
        : `The vendor ended the ${options.connectorKey} OAuth flow with error "${error}"${description === undefined ? '' : `: ${description}`}. Nothing was provisioned.`,
    )
    this.connectorKey = options.connectorKey
    this.missing = [...options.missing]
    this.error = error
    this.description = description
  }
}
