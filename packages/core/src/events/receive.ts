import { parseWebhookEvent, type WebhookEvent } from './event.js'
import { WEBHOOK_ID_HEADER, WEBHOOK_SIGNATURE_HEADER } from './headers.js'
import { verifyWebhookSignature } from './signature.js'
import { WebhookPayloadError, WebhookSignatureError } from './webhook-errors.js'

/** How {@link receiveWebhook} checks a callback. */
export interface ReceiveWebhookOptions {
  /**
   * The instance's `event.notification.signature.key`. When given, an unsigned or wrongly signed
   * callback is refused; leave it out only for instances that have no signature key.
   */
  readonly signatureKey?: string | undefined
  /** The largest body accepted, in bytes (default 1 MiB); a larger one is refused unread. */
  readonly maxBytes?: number | undefined
}

/** A verified event callback. */
export interface ReceivedWebhook {
  /** The `elements-webhook-id` header: the same on every retry of one delivery. */
  readonly webhookId: string | undefined
  /** The notification. */
  readonly event: WebhookEvent
}

const DEFAULT_MAX_BYTES = 1024 * 1024

async function readBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN)
  if (declared > maxBytes) throw tooLarge(maxBytes)
  const chunks: Uint8Array[] = []
  let size = 0
  if (request.body !== null) {
    for await (const chunk of request.body) {
      size += chunk.byteLength
      if (size > maxBytes) throw tooLarge(maxBytes)
      chunks.push(chunk)
    }
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

function tooLarge(maxBytes: number): WebhookPayloadError {
  return new WebhookPayloadError({ problems: [`the body is larger than ${maxBytes} bytes`] })
}

/**
 * Receives an event callback in a fetch-style server (Hono, Next.js route handlers, Deno, Bun,
 * workers): reads the raw body, verifies its signature when a key is given, and parses it.
 *
 * @throws {@link WebhookSignatureError} when a signature is required and missing, malformed or wrong
 * @throws {@link WebhookPayloadError} when the body is too large, not JSON, or not a notification
 *
 * @example
 * ```ts
 * import { Hono } from 'hono'
 * import { PlugboardError } from '@plugboard/core'
 * import { receiveWebhook } from '@plugboard/core/events'
 *
 * const app = new Hono()
 * app.post('/platform-events', async (c) => {
 *   try {
 *     const { webhookId, event } = await receiveWebhook(c.req.raw, {
 *       signatureKey: process.env.PLUGBOARD_SIGNATURE_KEY,
 *     })
 *     console.log(webhookId, event.connectorKey, event.events)
 *     return c.body(null, 204)
 *   } catch (error) {
 *     if (PlugboardError.isInstance(error)) return c.text(error.message, 400)
 *     throw error
 *   }
 * })
 * ```
 */
export async function receiveWebhook(
  request: Request,
  options: ReceiveWebhookOptions = {},
): Promise<ReceivedWebhook> {
  const body = await readBody(request, options.maxBytes ?? DEFAULT_MAX_BYTES)
  if (options.signatureKey !== undefined) {
    const signature = request.headers.get(WEBHOOK_SIGNATURE_HEADER)
    if (!(await verifyWebhookSignature(body, signature, options.signatureKey))) {
      throw new WebhookSignatureError({ failure: 'mismatch' })
    }
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch {
    throw new WebhookPayloadError({ problems: ['the body is not UTF-8 text'] })
  }
  return {
    webhookId: request.headers.get(WEBHOOK_ID_HEADER) ?? undefined,
    event: parseWebhookEvent(text),
  }
}
