/**
 * The header that carries a signed event callback's signature:
 * `sha256=<base64 of HMAC-SHA256(raw body, the instance's signature key)>`.
 */
export const WEBHOOK_SIGNATURE_HEADER = 'Elements-Webhook-Signature'

/** The header that names one event callback; a retried delivery repeats it, so use it to drop duplicates. */
export const WEBHOOK_ID_HEADER = 'elements-webhook-id'

/** The scheme prefix of a signature header value. */
export const SIGNATURE_PREFIX = 'sha256='
