import * as v from 'valibot'

/** The characters a Chargify site (the subdomain of `https://{site}.chargify.com`) may hold. */
export const CHARGIFY_SITE_PATTERN: RegExp = /^[a-z0-9-]+$/

/**
 * Why a site was refused, with an example made from what was typed: the first label of a URL or
 * host name, the lowercase form, or the typed text with the characters a site cannot hold
 * replaced.
 */
function siteMessage(issue: v.RegexIssue<string>): string {
  const value = issue.input
  const suggest = (candidate: string) =>
    CHARGIFY_SITE_PATTERN.test(candidate) ? ` (enter "${candidate}")` : ''
  if (/^[a-z]+:\/\//i.test(value) || value.includes('.')) {
    const label =
      value
        .replace(/^[a-z]+:\/\//i, '')
        .split(/[./:]/)[0]
        ?.toLowerCase() ?? ''
    return `expected the site name only, not a URL or host name${suggest(label)}`
  }
  if (value !== value.toLowerCase()) {
    return `expected lowercase: Chargify site names are lowercase${suggest(value.toLowerCase())}`
  }
  const cleaned = value
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return `expected only lowercase letters, digits and "-"${suggest(cleaned)}`
}

/**
 * The Chargify configuration schema.
 *
 * - `site` (required): the Chargify site, the subdomain of `https://{site}.chargify.com`.
 * - `username` (required, secret; echoed by the platform, redacted by plugboard): the Chargify API key. Chargify authenticates with HTTP Basic,
 *   the API key as the user name.
 * - `password` (optional, secret, masked by the platform): the platform's entry for the Basic password. Chargify ignores
 *   the password that comes with an API key (its documentation sends `x`), so it may be left out.
 */
export const chargifyConfig = v.strictObject({
  site: v.pipe(
    v.string('expected the Chargify site name as a string'),
    v.trim(),
    v.nonEmpty('expected the Chargify site name (e.g. "acme")'),
    v.regex(CHARGIFY_SITE_PATTERN, siteMessage),
    v.description('The Chargify site: the subdomain of https://{site}.chargify.com, e.g. "acme".'),
  ),
  username: v.pipe(
    v.string('expected the Chargify API key as a string'),
    v.nonEmpty('expected the Chargify API key'),
    v.description('The Chargify API key (sent as the HTTP Basic user name).'),
    v.metadata({ secret: true }),
  ),
  password: v.optional(
    v.pipe(
      v.string('expected the password as a string'),
      v.description(
        'The HTTP Basic password. Chargify ignores it when the user name is an API key, so this may be left out.',
      ),
      v.metadata({ secret: true, masked: true }),
    ),
  ),
})

/** The configuration a caller passes to provision a Chargify instance. */
export type ChargifyConfiguration = v.InferInput<typeof chargifyConfig>
