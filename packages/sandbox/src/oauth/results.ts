import type { AnyConnector } from '@plugboard/core'
import type { StoredConfiguration } from '../store-types.js'
import { authorisationOfConnector } from './declared.js'
import { isOAuthResult } from './entries.js'
import { oauthSideOf } from './kind.js'

/** A configuration split into the OAuth results the platform wrote and the rest. */
export interface SplitConfiguration {
  /** The entries without the OAuth results. */
  readonly rest: Readonly<Record<string, unknown>>
  /** The OAuth results (`oauth.user.*`, `oauth.token.*`). */
  readonly results: StoredConfiguration
}

function split(configuration: Readonly<Record<string, unknown>>): SplitConfiguration {
  const rest: Record<string, unknown> = {}
  const results: StoredConfiguration = {}
  for (const [key, value] of Object.entries(configuration)) {
    if (isOAuthResult(key)) results[key] = value as string | null
    else rest[key] = value
  }
  return { rest, results }
}

/**
 * For a connector that authorises with OAuth: keeps the OAuth results out of what the
 * connector's schema checks, and carries the stored ones over. Values given for them are
 * ignored (the platform writes them; a GET answer sent back as it is, masked tokens included, is
 * accepted). Other connectors' configurations pass unchanged (so an OAuth result given to one is
 * refused as an unknown entry).
 */
export function withoutOAuthResults(
  connector: AnyConnector,
  base: StoredConfiguration,
  given: Readonly<Record<string, unknown>>,
  previous: StoredConfiguration,
): {
  base: StoredConfiguration
  given: Readonly<Record<string, unknown>>
  previous: StoredConfiguration
  carried: StoredConfiguration
} {
  if (oauthSideOf(authorisationOfConnector(connector)) === undefined) {
    return { base, given, previous, carried: {} }
  }
  const fromBase = split(base)
  const fromPrevious = split(previous)
  const carried: StoredConfiguration = {}
  for (const [key, value] of Object.entries({ ...fromPrevious.results, ...fromBase.results })) {
    if (value !== null) carried[key] = value
  }
  return {
    base: fromBase.rest as StoredConfiguration,
    given: split(given).rest,
    previous: fromPrevious.rest as StoredConfiguration,
    carried,
  }
}
