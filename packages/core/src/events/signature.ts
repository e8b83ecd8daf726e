import { InvalidArgumentError } from '../index.js'
import { SIGNATURE_PREFIX } from './headers.js'
import { WebhookSignatureError } from './webhook-errors.js'

/** What a raw request body may be given as: the exact bytes received, or their UTF-8 text. */
export type RawBody = string | Uint8Array | ArrayBuffer

const encoder = new TextEncoder()
const BASE64 = /^[A-Za-z0-9+/]{43}=$/

function bytesOf(body: RawBody): Uint8Array<ArrayBuffer> {
  if (typeof body === 'string') return encoder.encode(body)
  if (body instanceof ArrayBuffer) return new Uint8Array(body)
  return new Uint8Array(body)
}

async function hmacKey(key: string, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  if (typeof key !== 'string' || key === '') {
    throw new InvalidArgumentError({
      argument: 'key',
      message: 'A webhook signature key must be a non-empty string.',
    })
  }
  return crypto.subtle.importKey(
    'raw',
    encoder.encode(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    [usage],
  )
}

/**
 * Signs an event callback body as the platform does: `sha256=` and the base64 of
 * HMAC-SHA256(body, key). A sender's helper (the sandbox signs its deliveries with it); a receiver
 * calls {@link verifyWebhookSignature}.
 */
export async function signWebhookBody(rawBody: RawBody, key: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(key, 'sign'), bytesOf(rawBody))
  return `${SIGNATURE_PREFIX}${btoa(String.fromCharCode(...new Uint8Array(mac)))}`
}

/**
 * Verifies an event callback's `Elements-Webhook-Signature` header against the raw body, in
 * constant time (Web Crypto's HMAC verify). Call it on the exact bytes received, before parsing:
 * a body parsed and serialised again no longer matches.
 *
 * @param rawBody - the request body as received
 * @param headerValue - the `Elements-Webhook-Signature` header's value (`null` when absent)
 * @param key - the instance's `event.notification.signature.key`
 * @returns `true` when the signature matches, `false` when it does not
 * @throws {@link WebhookSignatureError} when the header is missing or not `sha256=<base64>`
 *
 * @example
 * ```ts
 * import { verifyWebhookSignature } from '@plugboard/core/events'
 *
 * const body = '{"message":{"eventId":"e1"}}'
 * const signature = 'sha256=…' // request.headers.get('Elements-Webhook-Signature')
 * try {
 *   if (!(await verifyWebhookSignature(body, signature, 'my-signature-key'))) {
 *     console.error('refused: signed with another key, or changed on the way')
 *   }
 * } catch (error) {
 *   console.error('refused:', (error as Error).message)
 * }
 * ```
 */
export async function verifyWebhookSignature(
  rawBody: RawBody,
  headerValue: string | null | undefined,
  key: string,
): Promise<boolean> {
  const cryptoKey = await hmacKey(key, 'verify')
  if (headerValue === null || headerValue === undefined || headerValue.trim() === '') {
    throw new WebhookSignatureError({ failure: 'missing' })
  }
  const value = headerValue.trim()
  const encoded = value.slice(SIGNATURE_PREFIX.length)
  if (
    value.slice(0, SIGNATURE_PREFIX.length).toLowerCase() !== SIGNATURE_PREFIX ||
    !BASE64.test(encoded)
  ) {
    throw new WebhookSignatureError({ failure: 'malformed' })
  }
  const signature = Uint8Array.from(atob(encoded), (character) => character.charCodeAt(0))
  return crypto.subtle.verify('HMAC', cryptoKey, signature, bytesOf(rawBody))
}
