import type {
  Authorization,
  AuthorizationChoice,
  OAuth1Authorization,
  OAuth2Authorization,
} from './authorization.js'
import type { AnyConnector, ConfigurationOf } from './connector.js'

/**
 * What an OAuth 2.0 connector's provisioning hands the platform from the vendor's callback: the
 * authorisation `code`, and the callback values the connector keeps (e.g. `realmId`). Secret:
 * the client redacts it from every error, and the platform never echoes it.
 *
 * @group Provisioning
 */
export interface OAuth2ProviderData {
  /** The authorisation code the vendor returned to the callback (single-use). */
  readonly code: string
  /** A callback value the connector keeps (see `OAuth2Authorization.callbackValues`). */
  readonly [value: string]: string
}

/**
 * What an OAuth 1.0a connector's provisioning hands the platform: the callback's `oauth_token`
 * and `oauth_verifier`, the request token's `secret`, and the callback values the connector keeps
 * (QuickBooks: `realmId`). Secret, like {@link OAuth2ProviderData}.
 *
 * @group Provisioning
 */
export interface OAuth1ProviderData {
  /** The request token the vendor authorised (the callback's `oauth_token`). */
  readonly oauth_token: string
  /** The verifier the vendor returned to the callback. */
  readonly oauth_verifier: string
  /** The request token's secret, from `client.oauth.requestToken`. */
  readonly secret: string
  /** A callback value the connector keeps (see `OAuth1Authorization.callbackValues`). */
  readonly [value: string]: string
}

/**
 * What an OAuth connector's provisioning or re-authorisation passes on from the vendor
 * (`providerData` on the wire). Build it with `client.oauth.complete`.
 *
 * @group Provisioning
 */
export type ProviderData = OAuth2ProviderData | OAuth1ProviderData

/** The declared authorisation of connector `C` (configuration only when it declares none). */
export type AuthorizationOf<C extends AnyConnector> = Exclude<C['authorization'], undefined>

/**
 * The `providerData` field a way of authorising needs: required for OAuth, refused otherwise.
 *
 * @group Provisioning
 */
export type ProviderDataField<A> = A extends OAuth2Authorization
  ? {
      /** What the vendor returned to the OAuth callback (`client.oauth.complete`). */ readonly providerData: OAuth2ProviderData
    }
  : A extends OAuth1Authorization
    ? {
        /** What the vendor returned to the OAuth callback (`client.oauth.complete`). */ readonly providerData: OAuth1ProviderData
      }
    : {
        /** A configuration-only connector takes no `providerData`. */ readonly providerData?: never
      }

/**
 * The `configuration` and `providerData` of a provisioning request for connector `C`:
 *
 * - configuration only: the configuration, and no `providerData`;
 * - OAuth 2.0 / 1.0a: the configuration and the matching `providerData`, required;
 * - a choice: one form per choice, its configuration narrowed by the choosing entry's value
 *   (which entries are required follows) and its `providerData` as that choice needs.
 *
 * @group Provisioning
 */
export type AuthorizedConfiguration<C extends AnyConnector> =
  Authorization extends AuthorizationOf<C>
    ? {
        /** The connector configuration, validated locally before anything is sent. */
        readonly configuration: ConfigurationOf<C>
        /** For OAuth connectors: what the vendor returned to the OAuth callback. */
        readonly providerData?: ProviderData | undefined
      }
    : AuthorizationOf<C> extends AuthorizationChoice
      ? ChoiceForms<C, AuthorizationOf<C>>
      : {
          /** The connector configuration, validated locally before anything is sent. */
          readonly configuration: ConfigurationOf<C>
        } & ProviderDataField<AuthorizationOf<C>>

/**
 * The forms of a provisioning request for a connector whose authorisation is the choice `A`: one
 * per choice, the configuration narrowed by the choosing entry's value.
 *
 * @group Provisioning
 */
export type ChoiceForms<C extends AnyConnector, A extends AuthorizationChoice> = {
  [K in keyof A['choices'] & string]: {
    /** The connector configuration, validated locally before anything is sent. */
    readonly configuration: Extract<ConfigurationOf<C>, { readonly [P in A['entry']]: K }>
  } & ProviderDataField<A['choices'][K]['authorization']>
}[keyof A['choices'] & string]
