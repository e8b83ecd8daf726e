import * as v from 'valibot'
import { WebhookPayloadError } from './webhook-errors.js'

/** What happened to a vendor object. The platform's own four, or another word it may add later. */
export type WebhookEventType = 'CREATED' | 'UPDATED' | 'DELETED' | 'UNKNOWN' | (string & {})

/** One changed vendor object in an event notification. */
export interface WebhookEventObject {
  /** What happened, upper-cased: `CREATED`, `UPDATED`, `DELETED` or `UNKNOWN`. */
  readonly type: WebhookEventType
  /** The kind of object, e.g. `customers`, when the notification names it. */
  readonly objectType?: string | undefined
  /** The vendor's id of the object, as text, when the notification names it. */
  readonly objectId?: string | undefined
  /** When it happened, as the notification wrote it. */
  readonly date?: string | undefined
}

/** An event notification as the platform POSTs it to an instance's callback URL, normalised. */
export interface WebhookEvent {
  /** The notification's id (`message.eventId`). */
  readonly eventId: string
  /** The instance the events belong to, when the notification names it. */
  readonly instanceId?: number | undefined
  /** The connector's key (`elementKey`, or `your_momKey` in the spec's vocabulary), when named. */
  readonly connectorKey?: string | undefined
  /** The changed objects; a notification carries up to 20. */
  readonly events: readonly WebhookEventObject[]
  /** The whole body as received, unknown fields included. */
  readonly raw: Readonly<Record<string, unknown>>
}

const text = v.union([v.string(), v.pipe(v.number(), v.transform(String))])
const optionalText = v.optional(v.nullable(text))

const eventObjectSchema = v.looseObject({
  eventType: optionalText,
  event_type: optionalText,
  objectType: optionalText,
  event_object_type: optionalText,
  objectId: optionalText,
  event_object_id: optionalText,
  date: optionalText,
  event_date: optionalText,
})

const notificationSchema = v.looseObject({
  message: v.looseObject({
    eventId: v.pipe(text, v.nonEmpty('missing')),
    instanceId: v.optional(v.nullable(v.union([v.number(), v.string()]))),
    instance_id: v.optional(v.nullable(v.union([v.number(), v.string()]))),
    elementKey: optionalText,
    your_momKey: optionalText,
    events: v.optional(v.nullable(v.array(eventObjectSchema))),
  }),
})

const first = (...values: (string | null | undefined)[]): string | undefined =>
  values.find((value): value is string => typeof value === 'string' && value !== '')

function instanceIdOf(value: number | string | null | undefined): number | undefined {
  const id = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined
}

/**
 * Reads an event callback's body: JSON text (or an already-parsed value) into a
 * {@link WebhookEvent}. It is lenient: only `message.eventId` is required, both vocabularies'
 * field names are read, and unknown fields stay in `raw`. Verify the signature on the raw bytes
 * first ({@link verifyWebhookSignature}), or use {@link receiveWebhook}, which does both.
 *
 * @throws {@link WebhookPayloadError} when the body is not JSON or has no `message.eventId`
 */
export function parseWebhookEvent(body: string | unknown): WebhookEvent {
  let value: unknown = body
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body)
    } catch {
      throw new WebhookPayloadError({ problems: ['the body is not JSON'] })
    }
  }
  const result = v.safeParse(notificationSchema, value)
  if (!result.success) {
    throw new WebhookPayloadError({
      problems: result.issues.map((issue) => {
        const where = v.getDotPath(issue) ?? '(body)'
        return `${where}: ${issue.input === undefined ? 'missing' : `expected ${issue.expected ?? 'something else'}`}`
      }),
    })
  }
  const { message } = result.output
  return {
    eventId: message.eventId,
    instanceId: instanceIdOf(message.instanceId ?? message.instance_id),
    connectorKey: first(message.elementKey, message.your_momKey),
    events: (message.events ?? []).map((event) => ({
      type: (first(event.eventType, event.event_type) ?? 'UNKNOWN').toUpperCase(),
      objectType: first(event.objectType, event.event_object_type),
      objectId: first(event.objectId, event.event_object_id),
      date: first(event.date, event.event_date),
    })),
    raw: value as Record<string, unknown>,
  }
}
