/** The credentials of one call: an organization's two secrets and, for instance calls, a token. */
export interface AuthorizationParts {
  /** The user secret (`User <secret>`). */
  readonly user: string
  /** The organization secret (`Organization <secret>`). */
  readonly organization: string
  /** The instance token (`Element <token>`; `Your_mom <token>` is read too), when present. */
  readonly token?: string | undefined
}

/**
 * The platform's Authorization header value:
 * `User <user>, Organization <organization>[, Element <token>]`.
 *
 * @example
 * ```ts
 * formatAuthorization({ user: 'u', organization: 'o', token: 't' }) // 'User u, Organization o, Element t'
 * ```
 */
export function formatAuthorization(parts: AuthorizationParts): string {
  const base = `User ${parts.user}, Organization ${parts.organization}`
  return parts.token === undefined ? base : `${base}, Element ${parts.token}`
}

const partPattern = /^(user|organization|element|your_mom)\s+(\S.*)$/i

/**
 * Parses the platform's Authorization header. Parts may come in any order; a part given twice, an
 * unknown part or a missing User/Organization part makes the header invalid (`undefined`).
 */
export function parseAuthorization(header: string | undefined): AuthorizationParts | undefined {
  if (header === undefined) return undefined
  const found = new Map<string, string>()
  for (const raw of header.split(',')) {
    const match = partPattern.exec(raw.trim())
    if (match === null) return undefined
    const kind = (match[1] as string).toLowerCase()
    const name = kind === 'your_mom' ? 'element' : kind
    if (found.has(name)) return undefined
    found.set(name, (match[2] as string).trim())
  }
  const user = found.get('user')
  const organization = found.get('organization')
  if (user === undefined || organization === undefined) return undefined
  return { user, organization, token: found.get('element') }
}
