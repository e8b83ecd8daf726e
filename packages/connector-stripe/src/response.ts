import * as v from 'valibot'

const text = v.string()

/**
 * The `configuration` map of a Stripe instance as the platform returns it: the caller's entries
 * (the API key masked as `********`) merged over the platform's defaults. Lenient: keys the
 * platform adds later are kept.
 */
export const stripeInstanceConfiguration = v.looseObject({
  username: text,
  'base.url': text,
  'pagination.type': text,
  'pagination.max': text,
})

/** The typed `configuration` map of a provisioned Stripe instance. */
export type StripeInstanceConfiguration = v.InferOutput<typeof stripeInstanceConfiguration>
