import * as v from 'valibot'

/** The characters a Chargebee site (the subdomain of `https://{site}.chargebee.com`) may hold. */
export const CHARGEBEE_SITE_PATTERN: RegExp = /^[a-z0-9_-]+$/

/**
 * Why a site was refused, with an example made from what was typed: the first label of a URL or
 * host name, the lowercase form, or the typed text with the characters a site cannot hold
 * replaced.
 */
function siteMessage(issue: v.RegexIssue<string>): string {
  const value = issue.input
  const suggest = (candidate: string) =>
    CHARGEBEE_SITE_PATTERN.test(candidate) ? ` (enter "${candidate}")` : ''
  if (/^[a-z]+:\/\//i.test(value) || value.includes('.')) {
    const label =
      value
        .replace(/^[a-z]+:\/\//i, '')
        .split(/[./:]/)[0]
        ?.toLowerCase() ?? ''
    return `expected the site name only, not a URL or host name${suggest(label)}`
  }
  if (value !== value.toLowerCase()) {
    return `expected lowercase: Chargebee site names are lowercase${suggest(value.toLowerCase())}`
  }
  const cleaned = value
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return `expected only lowercase letters, digits, "-" and "_"${suggest(cleaned)}`
}

/**
 * The Chargebee configuration schema.
 *
 * - `site` (required): the Chargebee site, the subdomain of `https://{site}.chargebee.com`
 *   (test sites are often `<name>-test`).
 * - `username` (required, secret; echoed by the platform, redacted by plugboard): the Chargebee API key. Chargebee authenticates with HTTP Basic,
 *   the API key as the user name.
 * - `password` (optional, secret, masked by the platform): the platform's entry for the Basic password. Chargebee itself
 *   uses an empty password, so it may be left out.
 */
export const chargebeeConfig = v.strictObject({
  site: v.pipe(
    v.string('expected the Chargebee site name as a string'),
    v.trim(),
    v.nonEmpty('expected the Chargebee site name (e.g. "acme-test")'),
    v.regex(CHARGEBEE_SITE_PATTERN, siteMessage),
    v.description(
      'The Chargebee site: the subdomain of https://{site}.chargebee.com, e.g. "acme-test".',
    ),
  ),
  username: v.pipe(
    v.string('expected the Chargebee API key as a string'),
    v.nonEmpty('expected the Chargebee API key'),
    v.description('The Chargebee API key (sent as the HTTP Basic user name).'),
    v.metadata({ secret: true }),
  ),
  password: v.optional(
    v.pipe(
      v.string('expected the password as a string'),
      v.description(
        'The HTTP Basic password. Chargebee uses an empty password, so this may be left out.',
      ),
      v.metadata({ secret: true, masked: true }),
    ),
  ),
})

/** The configuration a caller passes to provision a Chargebee instance. */
export type ChargebeeConfiguration = v.InferInput<typeof chargebeeConfig>
