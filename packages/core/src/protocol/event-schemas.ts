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

const optionalString = /* @__PURE__ */ v.optional(
  /* @__PURE__ */ v.nullable(/* @__PURE__ */ v.string()),
)

/** The schema of one event record in an answer (lenient: only `id` and `status` are required). */
export const instanceEventSchema: v.GenericSchema<unknown, InstanceEventRecord> =
  /* @__PURE__ */ v.looseObject({
    id: /* @__PURE__ */ v.pipe(
      /* @__PURE__ */ v.union([
        /* @__PURE__ */ v.string(),
        /* @__PURE__ */ v.pipe(/* @__PURE__ */ v.number(), /* @__PURE__ */ v.transform(String)),
      ]),
      /* @__PURE__ */ v.nonEmpty('expected the event id'),
    ),
    instanceId: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.number()),
    status: /* @__PURE__ */ v.string(),
    webhookId: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.string()),
    attempts: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.number()),
    lastError: optionalString,
    createdDate: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.string()),
    updatedDate: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.string()),
    objects: /* @__PURE__ */ v.optional(
      /* @__PURE__ */ v.array(
        /* @__PURE__ */ v.looseObject({
          eventType: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.string()),
          objectType: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.string()),
          objectId: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.string()),
          date: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.string()),
        }),
      ),
    ),
  }) as v.GenericSchema<unknown, InstanceEventRecord>

/** The schema of a list of event records in an answer. */
export const instanceEventListSchema: v.GenericSchema<unknown, InstanceEventRecord[]> =
  /* @__PURE__ */ v.array(instanceEventSchema)
