import * as v from 'valibot'

const text = v.string()

/**
 * The `configuration` map of a Stripe instance as the platform returns it: the caller's entries
 * (the API key echoed, under `api.key` or, in the platform's older answers, `username`) merged over the platform's defaults. Lenient: keys the
 * platform adds later are kept.
 */
export const stripeInstanceConfiguration = v.looseObject({
  // The platform's newest page names the key `api.key`; its older answers carry `username`.
  'api.key': v.optional(text),
  username: v.optional(text),
  'base.url': text,
  'pagination.type': text,
  'pagination.max': text,
})

/** The typed `configuration` map of a provisioned Stripe instance. */
export type StripeInstanceConfiguration = v.InferOutput<typeof stripeInstanceConfiguration>
