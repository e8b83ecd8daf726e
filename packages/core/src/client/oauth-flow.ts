import type {
  AuthorizationChoice,
  OAuth1Authorization,
  OAuth2Authorization,
} from '../authorization.js'
import type { AnyConnector } from '../connector.js'
import { OAuthCallbackError, OAuthDeniedError, OAuthStateError } from '../errors/oauth-errors.js'
import type {
  AuthorizationOf,
  OAuth1ProviderData,
  OAuth2ProviderData,
  ProviderData,
} from '../provider-data.js'
import { showInInspect } from './context.js'
import { invalid } from './options.js'

/**
 * The OAuth version of a flow: `oauth2` (OAuth 2.0) or `oauth1` (OAuth 1.0a).
 *
 * @group Provisioning
 */
export type OAuthKind = 'oauth2' | 'oauth1'

/**
 * An OAuth 1.0a request token (`GET /elements/{key}/oauth/token`). Its `secret` is a secret:
 * hidden from `util.inspect`, never in an error.
 *
 * @group Provisioning
 */
export interface OAuthRequestToken {
  /** The request token, sent to the vendor in the authorisation URL. */
  readonly token: string
  /** The request token's secret, handed to the platform in `providerData.secret`. */
  readonly secret: string
}

/**
 * An OAuth flow under way, from `client.oauth.start`: send the end user to `url`, then hand
 * what the vendor redirects to the callback URL to `client.oauth.complete` together with this
 * flow. Keep it between the two (a session, a pending map keyed by `state`): it is plain data
 * and survives `JSON.stringify` (its request token secret included, so store it as a secret).
 *
 * @typeParam Kind - the OAuth version.
 *
 * @group Provisioning
 */
export interface OAuthFlow<Kind extends OAuthKind = OAuthKind> {
  /** The OAuth version. */
  readonly kind: Kind
  /** The connector key. */
  readonly connector: string
  /** The vendor's authorisation URL: where the end user allows access. */
  readonly url: string
  /** The `state` sent in the URL, which the callback must carry back (OAuth 2.0). */
  readonly state: string
  /** OAuth 1.0a: the request token the flow started with. */
  readonly requestToken?: OAuthRequestToken | undefined
  /** The callback values `complete` keeps in `providerData` (e.g. `realmId`). */
  readonly callbackValues?: readonly string[] | undefined
}

/**
 * The options of `client.oauth.complete`.
 *
 * @group Provisioning
 */
export interface OAuthCompleteOptions {
  /**
   * Whether to refuse a callback whose `state` (OAuth 2.0) or `oauth_token` (OAuth 1.0a) is not
   * the flow's: the defence against forged callbacks. Default `true`; turn it off only for a
   * vendor that drops `state`.
   */
  readonly checkState?: boolean | undefined
}

/**
 * What `complete` returns for a flow of kind `K`.
 *
 * @group Provisioning
 */
export type ProviderDataOf<K extends OAuthKind> = K extends 'oauth1'
  ? OAuth1ProviderData
  : OAuth2ProviderData

/**
 * The OAuth version a declared authorisation `A` uses (`never` for configuration only; for a
 * choice, the versions of its choices).
 *
 * @group Provisioning
 */
export type OAuthKindOfAuthorization<A> = A extends OAuth2Authorization
  ? 'oauth2'
  : A extends OAuth1Authorization
    ? 'oauth1'
    : A extends AuthorizationChoice
      ? OAuthKindOfAuthorization<A['choices'][keyof A['choices']]['authorization']>
      : never

/**
 * The OAuth version connector `C` authorises with (`never` for a configuration-only connector;
 * both for one whose declaration is not known at compile time).
 *
 * @group Provisioning
 */
export type OAuthKindOf<C extends AnyConnector> =
  AnyConnector['authorization'] extends C['authorization']
    ? OAuthKind
    : OAuthKindOfAuthorization<AuthorizationOf<C>>

/** The callback's parameters, from a URL, a query string, a path with a query, or parameters. */
export function callbackParams(callback: unknown): URLSearchParams {
  if (callback instanceof URLSearchParams) return callback
  if (callback instanceof URL) return callback.searchParams
  if (typeof callback !== 'string') {
    return invalid('callback', 'The callback must be a URL, a string or URLSearchParams.')
  }
  if (callback.includes('://')) {
    try {
      return new URL(callback).searchParams
    } catch {
      return invalid('callback', 'The callback is not a valid URL.')
    }
  }
  const question = callback.indexOf('?')
  return new URLSearchParams(question === -1 ? callback : callback.slice(question + 1))
}

/** A fresh `state`: 32 random bytes, base64url. */
export function randomState(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(32))
  return Buffer.from(bytes).toString('base64url')
}

/** Hides every value of a provider data or flow from `util.inspect`. */
export function hideInInspect(target: object, name: string, shown: Record<string, unknown>): void {
  const fields = Object.entries(shown)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? `'${value}'` : String(value)}`)
    .join(', ')
  showInInspect(target, `${name} { ${fields} }`)
}

function checkFlow(flow: unknown): OAuthFlow {
  const candidate = flow as Partial<OAuthFlow> | null
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    (candidate.kind !== 'oauth2' && candidate.kind !== 'oauth1') ||
    typeof candidate.connector !== 'string' ||
    typeof candidate.state !== 'string' ||
    (candidate.kind === 'oauth1' && typeof candidate.requestToken?.token !== 'string')
  ) {
    return invalid('flow', 'The flow must be the object client.oauth.start returned.')
  }
  return candidate as OAuthFlow
}

/**
 * Turns the vendor's callback into `providerData` for the flow: checks `state` (or the 1.0a
 * `oauth_token`), reports a refusal or a vendor error, and keeps the values the connector needs.
 */
export function completeFlow(
  given: unknown,
  callback: unknown,
  options: OAuthCompleteOptions = {},
): ProviderData {
  const flow = checkFlow(given)
  const params = callbackParams(callback)
  const connectorKey = flow.connector
  if (options.checkState !== false) {
    const parameter = flow.kind === 'oauth1' ? 'oauth_token' : 'state'
    const expected = flow.kind === 'oauth1' ? flow.requestToken?.token : flow.state
    const got = params.get(parameter)
    // A refusal without the parameter is still a refusal: report it as one.
    const refused = params.has('error') && got === null
    if (got !== expected && !refused) {
      throw new OAuthStateError({ connectorKey, parameter, present: got !== null })
    }
  }
  const error = params.get('error')
  if (error !== null) {
    if (error === 'access_denied') throw new OAuthDeniedError({ connectorKey })
    throw new OAuthCallbackError({
      connectorKey,
      missing: [],
      error,
      description: params.get('error_description') ?? undefined,
    })
  }
  const required = flow.kind === 'oauth1' ? ['oauth_token', 'oauth_verifier'] : ['code']
  const kept = flow.callbackValues ?? []
  const missing = [...required, ...kept].filter((name) => (params.get(name) ?? '') === '')
  if (missing.length > 0) throw new OAuthCallbackError({ connectorKey, missing })
  const values = Object.fromEntries(kept.map((name) => [name, params.get(name) as string]))
  const data: Record<string, string> =
    flow.kind === 'oauth1'
      ? {
          oauth_token: params.get('oauth_token') as string,
          oauth_verifier: params.get('oauth_verifier') as string,
          secret: flow.requestToken?.secret ?? '',
          ...values,
        }
      : { code: params.get('code') as string, ...values }
  hideInInspect(
    data,
    'ProviderData',
    Object.fromEntries(Object.keys(data).map((key) => [key, '[hidden]'])),
  )
  return data as ProviderData
}
