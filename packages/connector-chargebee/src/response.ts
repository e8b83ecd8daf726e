import * as v from 'valibot'

const text = v.string()
const nullableText = v.nullable(v.string())

/**
 * The `configuration` map of a Chargebee instance as the platform returns it: the caller's
 * entries (secret ones masked as `********`) merged over the platform's defaults. Lenient: keys
 * the platform adds later are kept.
 */
export const chargebeeInstanceConfiguration = v.looseObject({
  site: text,
  username: text,
  password: v.optional(nullableText),
  'base.url': text,
  'bulk.add_metadata': nullableText,
  'bulk.query.field_name': nullableText,
  'pagination.max': text,
  'event.vendor.type': nullableText,
  'bulk.query.operator': nullableText,
  'bulk.query.date_mask': nullableText,
  'bulk.query.download_format': nullableText,
  'bulk.attribute.created_time': nullableText,
  'bulk.relations': nullableText,
  'pagination.type': text,
  'event.poller.refresh_interval': nullableText,
  'event.notification.callback.url': nullableText,
  'event.poller.configuration': nullableText,
  'event.notification.enabled': nullableText,
})

/** The typed `configuration` map of a provisioned Chargebee instance. */
export type ChargebeeInstanceConfiguration = v.InferOutput<typeof chargebeeInstanceConfiguration>
