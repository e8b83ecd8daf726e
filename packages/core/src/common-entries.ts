import * as v from 'valibot'
import { InvalidArgumentError } from './errors/invalid-argument-error.js'

const trueOrFalse = /* @__PURE__ */ v.union(
  [/* @__PURE__ */ v.boolean(), /* @__PURE__ */ v.picklist(['true', 'false'])],
  'expected true or false',
)

/**
 * `Object.freeze` keeping the value's own type; a call a bundler may drop when its result is
 * unused (marked pure where called), where a statement freezing it could not be.
 */
function frozen<T extends object>(value: T): T {
  return Object.freeze(value)
}

/** Whether `text` is the JSON text of an object, as `event.poller.configuration` must be. */
function isJsonObjectText(text: string): boolean {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return false
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The schemas of the configuration entries every platform connector shares, by key: the event
 * entries (`event.notification.enabled`, `event.vendor.type`, `event.notification.callback.url`,
 * `event.notification.signature.key`, `event.poller.refresh_interval`,
 * `event.poller.configuration`, see the platform's events) and `filter.response.nulls`. Each is
 * optional (the platform has a default or does without); the signature key is a masked secret.
 * Frozen; take them with {@link commonEntries}.
 *
 * @group Connectors
 */
export const COMMON_ENTRY_SCHEMAS = /* @__PURE__ */ frozen({
  'event.notification.enabled': /* @__PURE__ */ v.optional(
    /* @__PURE__ */ v.pipe(
      trueOrFalse,
      /* @__PURE__ */ v.description(
        'Whether the instance sends event notifications to the callback URL.',
      ),
    ),
  ),
  'event.vendor.type': /* @__PURE__ */ v.optional(
    /* @__PURE__ */ v.pipe(
      /* @__PURE__ */ v.string('expected Event Type as a string'),
      /* @__PURE__ */ v.nonEmpty('expected Event Type'),
      /* @__PURE__ */ v.maxLength(32, 'expected at most 32 characters'),
      /* @__PURE__ */ v.description('"polling" or "webhook": how changes at the vendor are found.'),
    ),
  ),
  'event.notification.callback.url': /* @__PURE__ */ v.optional(
    /* @__PURE__ */ v.pipe(
      /* @__PURE__ */ v.string('expected Event Notification Callback URL as a string'),
      /* @__PURE__ */ v.nonEmpty('expected Event Notification Callback URL'),
      /* @__PURE__ */ v.maxLength(1000, 'expected at most 1000 characters'),
      /* @__PURE__ */ v.description('Where the platform POSTs each event notification.'),
    ),
  ),
  'event.notification.signature.key': /* @__PURE__ */ v.optional(
    /* @__PURE__ */ v.pipe(
      /* @__PURE__ */ v.string('expected Event Notification Signature Key as a string'),
      /* @__PURE__ */ v.nonEmpty('expected Event Notification Signature Key'),
      /* @__PURE__ */ v.description('When set, every event notification is signed with this key.'),
      /* @__PURE__ */ v.metadata({ secret: true, masked: true }),
    ),
  ),
  'event.poller.refresh_interval': /* @__PURE__ */ v.optional(
    /* @__PURE__ */ v.pipe(
      /* @__PURE__ */ v.string('expected Event Poller Refresh Interval as a string'),
      /* @__PURE__ */ v.regex(/^[1-9][0-9]{0,5}$/, 'expected a whole number of minutes, 1 or more'),
      /* @__PURE__ */ v.description('Minutes between polls of the vendor.'),
    ),
  ),
  'event.poller.configuration': /* @__PURE__ */ v.optional(
    /* @__PURE__ */ v.pipe(
      /* @__PURE__ */ v.string('expected Event Poller Configuration as a string'),
      /* @__PURE__ */ v.check(isJsonObjectText, 'expected the JSON text of an object'),
      /* @__PURE__ */ v.description(
        'The resources to poll, as JSON text: each with its url and idField.',
      ),
    ),
  ),
  'filter.response.nulls': /* @__PURE__ */ v.optional(
    /* @__PURE__ */ v.pipe(
      trueOrFalse,
      /* @__PURE__ */ v.description('Whether null values are removed from hub answers.'),
    ),
  ),
})

/**
 * The type of {@link COMMON_ENTRY_SCHEMAS}: each shared entry's valibot schema, by key.
 *
 * @group Connectors
 */
export type CommonEntrySchemas = typeof COMMON_ENTRY_SCHEMAS

/**
 * The key of a configuration entry every platform connector shares.
 *
 * @group Connectors
 */
export type CommonEntryKey = keyof CommonEntrySchemas

/**
 * The keys of the configuration entries every platform connector shares, in the order
 * {@link commonEntries} documents them.
 *
 * @group Connectors
 */
export const COMMON_ENTRY_KEYS: readonly CommonEntryKey[] = /* @__PURE__ */ Object.freeze(
  /* @__PURE__ */ Object.keys(COMMON_ENTRY_SCHEMAS) as CommonEntryKey[],
)

/**
 * The schemas of the shared configuration entries a connector takes, to spread into its
 * `v.strictObject`, in the order given. Their types are kept, so the connector's configuration type
 * is what it would be with the entries written out.
 *
 * @throws `InvalidArgumentError` for a key that is not a shared entry, naming the shared ones
 *
 * @example
 * ```ts
 * import { commonEntries } from '@plugboard/core'
 * import * as v from 'valibot'
 *
 * export const acmeConfig = v.strictObject({
 *   'acme.api.key': v.pipe(v.string(), v.nonEmpty(), v.metadata({ secret: true })),
 *   ...commonEntries('event.vendor.type', 'event.notification.callback.url'),
 * })
 * // v.InferInput<typeof acmeConfig>: { 'acme.api.key': string; 'event.vendor.type'?: string; … }
 * ```
 *
 * @group Connectors
 */
export function commonEntries<Key extends CommonEntryKey>(
  ...keys: readonly Key[]
): Pick<CommonEntrySchemas, Key> {
  const entries: Partial<Record<CommonEntryKey, unknown>> = {}
  for (const key of keys) {
    if (!Object.hasOwn(COMMON_ENTRY_SCHEMAS, key)) {
      throw new InvalidArgumentError({
        argument: 'keys',
        message: `"${String(key)}" is not a configuration entry every connector shares; those are: ${COMMON_ENTRY_KEYS.join(', ')}.`,
      })
    }
    entries[key] = COMMON_ENTRY_SCHEMAS[key]
  }
  return entries as Pick<CommonEntrySchemas, Key>
}
