/**
 * What a redacted secret is replaced with: the same mask the platform uses for secret values.
 *
 * @group Errors
 */
export const REDACTED = '********'

/**
 * Replaces known secrets in a text with {@link REDACTED}.
 *
 * @group Errors
 */
export type Redactor = (text: string) => string

/**
 * Builds a redactor for the given secrets: each non-empty secret (and its URL-encoded form) is
 * replaced wherever it occurs, longest first, so that a secret containing another is masked whole.
 *
 * @example
 * ```ts
 * const redact = createRedactor(['s3cret'])
 * redact('bad secret s3cret') // 'bad secret ********'
 * ```
 *
 * @group Errors
 */
export function createRedactor(secrets: Iterable<string | null | undefined>): Redactor {
  const needles = new Set<string>()
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret === '') continue
    needles.add(secret)
    needles.add(encodeURIComponent(secret))
  }
  const ordered = [...needles].sort((a, b) => b.length - a.length)
  if (ordered.length === 0) return (text) => text
  return (text) => {
    let result = text
    for (const needle of ordered) result = result.split(needle).join(REDACTED)
    return result
  }
}
