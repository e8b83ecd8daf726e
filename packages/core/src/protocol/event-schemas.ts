import * as v from 'valibot'

/**
 * Where an event is on its way to the instance's callback URL. The platform's own statuses
 * (`NEW`, `RECEIVED`, `DISPATCHED`, `CONSUMED`, `NOTIFIED`), the sandbox's `FAILED` after the last
 * retry, or another word the platform may add later.
 *
 * @group Instances
 */
export type InstanceEventStatus =
  | 'NEW'
  | 'RECEIVED'
  | 'DISPATCHED'
  | 'CONSUMED'
  | 'NOTIFIED'
  | 'FAILED'
  | (string & {})

/**
 * One changed vendor object an event is about.
 *
 * @group Instances
 */
export interface InstanceEventObject {
  /** `CREATED`, `UPDATED`, `DELETED`, or another word. */
  readonly eventType?: string | undefined
  /** The kind of object, e.g. `customers`. */
  readonly objectType?: string | undefined
  /** The vendor's id of the object. */
  readonly objectId?: string | undefined
  /** When it happened. */
  readonly date?: string | undefined
}

/**
 * An event the platform recorded for an instance, as `GET /instances/{id}/events`,
 * `GET /instances/events` and `GET /instances/events/{eventId}` answer it (lenient: unknown fields
 * are kept).
 *
 * @group Instances
 */
export interface InstanceEventRecord {
  /** The event's id: `message.eventId` of the notification sent to the callback URL. */
  readonly id: string
  /** The instance the event belongs to. */
  readonly instanceId?: number | undefined
  /** Where the event is on its way to the callback URL. */
  readonly status: InstanceEventStatus
  /** The delivery's `elements-webhook-id` header (the same on every retry). */
  readonly webhookId?: string | undefined
  /** Delivery attempts made so far. */
  readonly attempts?: number | undefined
  /** Why the last attempt failed, when it did (a status code or a network failure's kind). */
  readonly lastError?: string | null | undefined
  readonly createdDate?: string | undefined
  readonly updatedDate?: string | undefined
  /** The changed objects the notification carries. */
  readonly objects?: readonly InstanceEventObject[] | undefined
  /** The whole record as answered, unknown fields included. */
  readonly [field: string]: unknown
}

const optionalString = v.optional(v.nullable(v.string()))

/** The schema of one event record in an answer (lenient: only `id` and `status` are required). */
export const instanceEventSchema: v.GenericSchema<unknown, InstanceEventRecord> = v.looseObject({
  id: v.pipe(
    v.union([v.string(), v.pipe(v.number(), v.transform(String))]),
    v.nonEmpty('expected the event id'),
  ),
  instanceId: v.optional(v.number()),
  status: v.string(),
  webhookId: v.optional(v.string()),
  attempts: v.optional(v.number()),
  lastError: optionalString,
  createdDate: v.optional(v.string()),
  updatedDate: v.optional(v.string()),
  objects: v.optional(
    v.array(
      v.looseObject({
        eventType: v.optional(v.string()),
        objectType: v.optional(v.string()),
        objectId: v.optional(v.string()),
        date: v.optional(v.string()),
      }),
    ),
  ),
}) as v.GenericSchema<unknown, InstanceEventRecord>

/** The schema of a list of event records in an answer. */
export const instanceEventListSchema: v.GenericSchema<unknown, InstanceEventRecord[]> =
  v.array(instanceEventSchema)
