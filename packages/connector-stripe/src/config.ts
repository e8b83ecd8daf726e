import * as v from 'valibot'

/** The shape of a Stripe secret or restricted API key: `sk_` or `rk_`, then `test_` or `live_`. */
export const STRIPE_SECRET_KEY_PATTERN: RegExp = /^(?:sk|rk)_(?:test|live)_[A-Za-z0-9]+$/

function keyMessage(issue: v.RegexIssue<string>): string {
  // Never repeat the value: it is a secret (or a key pasted in the wrong place).
  if (issue.input.startsWith('pk_')) {
    return 'expected a secret API key (sk_test_… or sk_live_…), but this is a publishable key (pk_…), which cannot call the Stripe API from a server'
  }
  return 'expected a Stripe secret API key: sk_test_… or sk_live_… (or a restricted key, rk_test_… or rk_live_…)'
}

/**
 * The Stripe configuration schema.
 *
 * - `api.key` (required, secret; echoed by the platform, redacted by plugboard): the Stripe secret
 *   API key (`sk_test_…` / `sk_live_…`, or a restricted `rk_…` key). The platform's newest
 *   provisioning page names the entry `api.key`; its older samples say `username`, which the
 *   connector accepts as an alias ({@link STRIPE_ALIASES}). Stripe authenticates with HTTP Basic,
 *   the key as the user name and an empty password.
 */
export const stripeConfig = v.strictObject({
  'api.key': v.pipe(
    v.string('expected the Stripe secret API key as a string'),
    v.trim(),
    v.nonEmpty('expected the Stripe secret API key (sk_test_… or sk_live_…)'),
    v.regex(STRIPE_SECRET_KEY_PATTERN, keyMessage),
    v.description(
      'The Stripe secret API key, sk_test_… or sk_live_… (a restricted rk_… key also works); sent as the HTTP Basic user name.',
    ),
    v.metadata({ secret: true }),
  ),
})

/** The configuration a caller passes to provision a Stripe instance. */
export type StripeConfiguration = v.InferInput<typeof stripeConfig>

/** The older name of the API key entry, still accepted: `username` → `api.key`. */
export const STRIPE_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  username: 'api.key',
})
