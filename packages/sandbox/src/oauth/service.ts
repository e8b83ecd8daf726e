import type { AnyConnector } from '@plugboard/core'
import { loadCatalogue } from '../catalogue/catalogue.js'
import type { SandboxStore } from '../store.js'
import { authorisationOfConnector } from './declared.js'
import { OAuthGrants } from './grants.js'
import type { Authorisation } from './kind.js'

/** How the sandbox's stand-in for the vendors' authorisation servers behaves (tests set both). */
export interface SandboxOAuthOptions {
  /**
   * How long a consent request, an OAuth 1.0a request token, and an issued code or verifier stay
   * valid, in seconds: 600 (ten minutes) by default.
   */
  readonly codeLifetimeSeconds?: number | undefined
  /**
   * The clock of the OAuth flow, in milliseconds since the epoch: `Date.now` by default. A test
   * moves it forward to expire a code without waiting.
   */
  readonly now?: (() => number) | undefined
}

/** The default lifetime of codes, verifiers, request tokens and consent requests: 10 minutes. */
export const DEFAULT_CODE_LIFETIME_SECONDS = 600

/** The stand-in vendor: its grants, its clock, and how each connector authorises. */
export interface OAuthService {
  readonly grants: OAuthGrants
  /** The clock, in milliseconds since the epoch. */
  now(): number
  /** How the connector authorises (from the catalogue, by key). */
  authorisation(connector: AnyConnector): Authorisation
  /** The connector's display name, for the consent page. */
  displayName(connectorKey: string): string
}

/** Opens the stand-in vendor over the store's database and vault. */
export function createOAuthService(
  store: SandboxStore,
  options: SandboxOAuthOptions = {},
): OAuthService {
  const lifetime = options.codeLifetimeSeconds ?? DEFAULT_CODE_LIFETIME_SECONDS
  if (!(Number.isFinite(lifetime) && lifetime > 0)) {
    throw new RangeError('oauth.codeLifetimeSeconds must be a positive number of seconds.')
  }
  const now = options.now ?? Date.now
  const catalogue = loadCatalogue()
  return {
    grants: new OAuthGrants(store.database, store.vault, now, lifetime * 1000),
    now,
    authorisation: authorisationOfConnector,
    displayName: (key) => catalogue.get(key)?.name ?? key,
  }
}
