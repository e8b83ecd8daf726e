/**
 * The configuration entries the platform adds to every new Stripe instance, merged under the
 * caller's entries: Stripe's API base URL and its cursor pagination (at most 100 per page).
 */
export const stripeDefaults = {
  'base.url': 'https://api.stripe.com/v1',
  'pagination.type': 'cursor',
  'pagination.max': '100',
} as const satisfies Record<string, string | null>
