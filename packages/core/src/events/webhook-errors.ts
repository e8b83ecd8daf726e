import { PlugboardError } from '../index.js'

/** Why an event callback's signature was refused. */
export type WebhookSignatureFailure = 'missing' | 'malformed' | 'mismatch'

/**
 * An event callback's signature header is missing, is not `sha256=<base64 of 32 bytes>`, or does
 * not match the body and key. The message names the failure, never the key or the header's value.
 */
export class WebhookSignatureError extends PlugboardError {
  static override get brand(): symbol {
    return Symbol.for('@plugboard/core/WebhookSignatureError')
  }

  /** What was wrong with the signature. */
  readonly failure: WebhookSignatureFailure

  constructor(options: { readonly failure: WebhookSignatureFailure }) {
    super(
      {
        missing: 'The event callback has no Elements-Webhook-Signature header.',
        malformed:
          'The event callback\'s Elements-Webhook-Signature header is not "sha256=" followed by the base64 of 32 bytes.',
        mismatch:
          "The event callback's signature does not match its body: it was changed on the way, or signed with another key.",
      }[options.failure],
    )
    this.failure = options.failure
  }
}

/** An event callback's body is not JSON, or not the shape of an event notification. */
export class WebhookPayloadError extends PlugboardError {
  static override get brand(): symbol {
    return Symbol.for('@plugboard/core/WebhookPayloadError')
  }

  /** Where the body differs from an event notification, e.g. `["message.eventId: missing"]`. */
  readonly problems: readonly string[]

  constructor(options: { readonly problems: readonly string[] }) {
    super(`The event callback's body is not an event notification: ${options.problems.join('; ')}.`)
    this.problems = options.problems
  }
}
