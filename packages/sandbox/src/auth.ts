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

/** The two secrets as one unambiguous text (a JSON array), digested once. */
function pairDigest(user: string, organization: string): Buffer {
  return digest(JSON.stringify([user, organization]))
}

/**
 * An authenticator over the known organizations. Their secret pairs are hashed once, here; each
 * call hashes the pair it is given (one sha256 of both, as an unambiguous JSON array) and compares
 * it with every organization's (no early exit), each comparison in constant time.
 */
export function createAuthenticator(organizations: readonly SandboxOrganization[]): Authenticator {
  const known = organizations.map((organization) => ({
    organization,
    pair: pairDigest(organization.userSecret, organization.organizationSecret),
  }))
  return (parts) => {
    const pair = pairDigest(parts.user, parts.organization)
    let match: SandboxOrganization | undefined
    for (const candidate of known) {
      if (timingSafeEqual(candidate.pair, pair) && match === undefined) {
        match = candidate.organization
      }
    }
    return match
  }
}
