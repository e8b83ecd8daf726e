import * as v from 'valibot'

const text = v.string()
const nullableText = v.nullable(v.string())

/**
 * The `configuration` map of a Chargify instance as the platform returns it: the caller's entries
 * (secret ones masked as `********`) merged over the platform's defaults. Lenient: keys the
 * platform adds later are kept.
 */
export const chargifyInstanceConfiguration = v.looseObject({
  site: text,
  username: text,
  password: v.optional(nullableText),
  'base.url': text,
  'pagination.type': text,
  'pagination.page.startindex': v.optional(nullableText),
  'pagination.max': text,
})

/** The typed `configuration` map of a provisioned Chargify instance. */
export type ChargifyInstanceConfiguration = v.InferOutput<typeof chargifyInstanceConfiguration>
