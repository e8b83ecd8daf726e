import { hash, timingSafeEqual } from 'node:crypto'
import type { AuthorizationParts } from '@plugboard/core/protocol'
import type { SandboxUser } from './users.js'

/** One organization the sandbox knows, with the secrets that authenticate its calls. */
export interface SandboxOrganization {
  /** The organization's id. Instances belong to it; two entries with one id share instances. */
  readonly id: string
  /** The user secret (the `User <secret>` part of the Authorization header). */
  readonly userSecret: string
  /** The organization secret (the `Organization <secret>` part). */
  readonly organizationSecret: string
  /**
   * The user these secrets belong to, named as the owner (`user`) of the instances they
   * provision; `SANDBOX_DEFAULT_USER` when not given.
   */
  readonly user?: SandboxUser | undefined
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
