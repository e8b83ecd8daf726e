/**
 * The configuration entries the platform itself writes on an OAuth instance when it exchanges
 * the code (`../shared/spec/oauth.md`): never the caller's to give.
 */
export const OAUTH_RESULT_KEYS: ReadonlySet<string> = new Set([
  'oauth.user.token',
  'oauth.user.token.secret',
  'oauth.user.refresh_token',
  'oauth.user.refresh_time',
  'oauth.user.refresh_interval',
  'oauth.token.refresh_url',
  'oauth.token.revoke_url',
])

/** The OAuth results that are secrets: sealed at rest and masked in answers. */
export const OAUTH_SECRET_KEYS: ReadonlySet<string> = new Set([
  'oauth.user.token',
  'oauth.user.token.secret',
  'oauth.user.refresh_token',
])

/** How often the platform refreshes an OAuth 2.0 grant, in seconds (its default). */
export const REFRESH_INTERVAL_SECONDS = 3600

/** The platform's answer to an OAuth provisioning without a code. */
export const MISSING_CODE_MESSAGE =
  'You must provide an OAuth code in order to create an instance of this element'

/** Whether `key` is an entry the platform writes when it exchanges an OAuth code. */
export function isOAuthResult(key: string): boolean {
  return OAUTH_RESULT_KEYS.has(key)
}
