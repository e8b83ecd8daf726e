/**
 * An extra query parameter of a connector's OAuth authorisation URL (beyond `apiKey`,
 * `apiSecret` and `callbackUrl`, which every OAuth connector takes): `scope` (the permissions
 * asked for), `state` (passed back to the callback; plugboard always sends one and checks it) or
 * `siteAddress` (the vendor account's host, e.g. a Salesforce or Zendesk site).
 *
 * @group Connectors
 */
export type OAuthUrlParameter = 'scope' | 'state' | 'siteAddress'

/**
 * A connector that authorises with its configuration alone (basic or custom credentials): it is
 * provisioned without `providerData`. What a connector that declares no `authorization` does.
 *
 * @group Connectors
 */
export interface ConfigurationAuthorization {
  /** Configuration only. */
  readonly kind: 'configuration'
}

/**
 * A connector that authorises through the vendor with OAuth 2.0: the end user allows access at
 * the vendor, whose callback carries a `code`, handed to the platform as `providerData`.
 *
 * @group Connectors
 */
export interface OAuth2Authorization {
  /** OAuth 2.0. */
  readonly kind: 'oauth2'
  /**
   * The extra authorisation-URL parameters the connector takes (e.g. `['scope']`);
   * `client.oauth.start` refuses any other. Left out: not known, nothing refused.
   */
  readonly urlParameters?: readonly OAuthUrlParameter[] | undefined
  /**
   * The values of the vendor's callback, beyond the code, that the platform needs and
   * `providerData` keeps (e.g. `['realmId']`). A callback without one of them is refused.
   */
  readonly callbackValues?: readonly string[] | undefined
}

/**
 * A connector that authorises through the vendor with OAuth 1.0a: a request token first
 * (`GET /elements/{key}/oauth/token`), then the end user at the vendor, whose callback carries
 * `oauth_token` and `oauth_verifier`, handed to the platform with the request token's secret.
 *
 * @group Connectors
 */
export interface OAuth1Authorization {
  /** OAuth 1.0a. */
  readonly kind: 'oauth1'
  /** The extra authorisation-URL parameters the connector takes. */
  readonly urlParameters?: readonly OAuthUrlParameter[] | undefined
  /** The values of the vendor's callback that `providerData` keeps (e.g. `['realmId']`). */
  readonly callbackValues?: readonly string[] | undefined
}

/**
 * One way of authorising: configuration only, OAuth 2.0 or OAuth 1.0a.
 *
 * @group Connectors
 */
export type SingleAuthorization =
  | ConfigurationAuthorization
  | OAuth2Authorization
  | OAuth1Authorization

/**
 * One choice of an {@link AuthorizationChoice}: how it authorises, and the configuration
 * entries it requires beyond those every choice requires.
 *
 * @group Connectors
 */
export interface AuthorizationOption {
  /** How this choice authorises. */
  readonly authorization: SingleAuthorization
  /**
   * The configuration entries this choice requires: every required entry of its option of the
   * config variant, the choosing entry aside (the conformance kit checks that they agree).
   */
  readonly requires: readonly string[]
}

/**
 * A connector whose way of authorising is chosen by a configuration entry, usually
 * `authentication.type` (HubSpot: `oauth2` or `apiKey`). Its configuration schema is then a
 * valibot `variant` on that entry, one strict object per choice, so the entry's value decides
 * which entries are required, both at run time and in the provisioning call's type.
 *
 * @group Connectors
 */
export interface AuthorizationChoice {
  /** A choice. */
  readonly kind: 'choice'
  /** The configuration entry whose value chooses, e.g. `authentication.type`. */
  readonly entry: string
  /** Each value of the entry, and what it means. */
  readonly choices: Readonly<Record<string, AuthorizationOption>>
}

/**
 * How a connector authorises: configuration only, OAuth 2.0, OAuth 1.0a, or a choice by a
 * configuration entry. Declared in a connector's optional `authorization` field.
 *
 * @group Connectors
 */
export type Authorization = SingleAuthorization | AuthorizationChoice

/**
 * The authorisation of a connector that declares none: configuration only.
 *
 * @group Connectors
 */
export const CONFIGURATION_ONLY: ConfigurationAuthorization = Object.freeze({
  kind: 'configuration',
})

/**
 * An OAuth way of authorising: OAuth 2.0 or OAuth 1.0a.
 *
 * @group Connectors
 */
export type OAuthAuthorization = OAuth2Authorization | OAuth1Authorization

/**
 * Whether `authorization` goes through the vendor with OAuth.
 *
 * @group Connectors
 */
export function isOAuth(authorization: SingleAuthorization): authorization is OAuthAuthorization {
  return authorization.kind === 'oauth2' || authorization.kind === 'oauth1'
}

/**
 * How a connector authorises for a given configuration: its declaration (configuration only when
 * it declares none), a choice resolved by the configuration's value of the choosing entry.
 * `undefined` when the choice cannot be resolved (the entry is missing or names no choice).
 *
 * @example
 * ```ts
 * authorizationFor(hubspotcrm, { 'authentication.type': 'oauth2' }) // { kind: 'oauth2', … }
 * authorizationFor(chargebee) // { kind: 'configuration' }
 * ```
 *
 * @group Connectors
 */
export function authorizationFor(
  connector: { readonly authorization?: Authorization | undefined },
  configuration?: unknown,
): SingleAuthorization | undefined {
  const declared = connector.authorization ?? CONFIGURATION_ONLY
  if (declared.kind !== 'choice') return declared
  if (typeof configuration !== 'object' || configuration === null) return undefined
  const value = (configuration as Record<string, unknown>)[declared.entry]
  if (typeof value !== 'string' || !Object.hasOwn(declared.choices, value)) return undefined
  return declared.choices[value]?.authorization
}

/**
 * The OAuth way a connector authorises, whatever the configuration: its own OAuth declaration, or
 * the one OAuth option of its choice. `undefined` for a configuration-only connector.
 *
 * @group Connectors
 */
export function oauthAuthorizationOf(connector: {
  readonly authorization?: Authorization | undefined
}): { readonly authorization: OAuthAuthorization; readonly choice?: string } | undefined {
  const declared = connector.authorization ?? CONFIGURATION_ONLY
  if (declared.kind !== 'choice') return isOAuth(declared) ? { authorization: declared } : undefined
  for (const [choice, option] of Object.entries(declared.choices)) {
    if (isOAuth(option.authorization)) return { authorization: option.authorization, choice }
  }
  return undefined
}
