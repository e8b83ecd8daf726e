/**
 * `@plugboard/core/events`: what an application needs to receive the platform's event callbacks
 * and to set events up on an instance — the signature check (HMAC-SHA256, constant time), a
 * lenient typed parser of the notification body, a one-call receiver for fetch-style servers, and
 * the typed event configuration that becomes the platform's `event.*` entries. It needs no client:
 * a receiving service imports only this entry.
 *
 * @module @plugboard/core/events
 */

export {
  EVENTS_OFF,
  type EventConfiguration,
  eventEntries,
  type PollerResource,
  type PollingEvents,
  type WebhookEvents,
} from './events/configuration.js'
export {
  parseWebhookEvent,
  type WebhookEvent,
  type WebhookEventObject,
  type WebhookEventType,
} from './events/event.js'
export { WEBHOOK_ID_HEADER, WEBHOOK_SIGNATURE_HEADER } from './events/headers.js'
export {
  type ReceivedWebhook,
  type ReceiveWebhookOptions,
  receiveWebhook,
} from './events/receive.js'
export { type RawBody, signWebhookBody, verifyWebhookSignature } from './events/signature.js'
export {
  WebhookPayloadError,
  WebhookSignatureError,
  type WebhookSignatureFailure,
} from './events/webhook-errors.js'
