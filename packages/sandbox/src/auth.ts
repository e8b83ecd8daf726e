import { hash, timingSafeEqual } from 'node:crypto'

/** One organization the sandbox knows, with the secrets that authenticate its calls. */
export interface SandboxOrganization {
  /** The organization's id. Instances belong to it; two entries with one id share instances. */
  readonly id: string
  /** The user secret (the `User <secret>` part of the Authorization header). */
  readonly userSecret: string
  /** The organization secret (the `Organization <secret>` part). */
  readonly organizationSecret: string
}

/** The parts of an `Authorization: User …, Organization …[, Element …]` header. */
export interface AuthorizationParts {
  readonly user: string
  readonly organization: string
  /** The instance token (`Element <token>` or `Your_mom <token>`), when present. */
  readonly token?: string | undefined
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

function digest(value: string): Buffer {
  return hash('sha256', value, 'buffer')
}

/** Compares two secrets in constant time (over their sha256, so lengths leak nothing either). */
export function secretsEqual(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b))
}

/** The sha256 of an instance token: what the database holds instead of the token. */
export function hashToken(token: string): Buffer {
  return digest(token)
}

/** Finds the organization whose secrets an Authorization header carries (see {@link createAuthenticator}). */
export type Authenticator = (parts: AuthorizationParts) => SandboxOrganization | undefined

/**
 * An authenticator over the known organizations. Their secrets are hashed once, here; each call
 * hashes the two secrets it is given and compares them with every organization's (no early exit),
 * each comparison in constant time.
 */
export function createAuthenticator(organizations: readonly SandboxOrganization[]): Authenticator {
  const known = organizations.map((organization) => ({
    organization,
    user: digest(organization.userSecret),
    secret: digest(organization.organizationSecret),
  }))
  return (parts) => {
    const user = digest(parts.user)
    const secret = digest(parts.organization)
    let match: SandboxOrganization | undefined
    for (const candidate of known) {
      const userMatches = timingSafeEqual(candidate.user, user)
      const secretMatches = timingSafeEqual(candidate.secret, secret)
      if (userMatches && secretMatches && match === undefined) match = candidate.organization
    }
    return match
  }
}

/** The Authorization header value for an organization's secrets: `User <u>, Organization <o>`. */
export function authorizationHeader(
  organization: Pick<SandboxOrganization, 'userSecret' | 'organizationSecret'>,
): string {
  return `User ${organization.userSecret}, Organization ${organization.organizationSecret}`
}
