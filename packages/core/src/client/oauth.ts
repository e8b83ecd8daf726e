import * as v from 'valibot'
import { type OAuthUrlParameter, oauthAuthorizationOf } from '../authorization.js'
import type { AnyConnector } from '../connector.js'
import { OAUTH_PATHS } from '../protocol/oauth-paths.js'
import type { OAuthUrlAnswer, RequestTokenAnswer } from '../protocol/oauth-schemas.js'
import { type Context, segment } from './context.js'
import {
  completeFlow,
  hideInInspect,
  type OAuthCompleteOptions,
  type OAuthFlow,
  type OAuthKind,
  type OAuthKindOf,
  type OAuthRequestToken,
  type ProviderDataOf,
  randomState,
} from './oauth-flow.js'
import { invalid } from './options.js'
import { parseConnector, responseError } from './parse.js'
import { type Answer, request } from './request.js'
import { managementSchemas } from './wire.js'

/**
 * The integrator's OAuth app at the vendor and where the vendor sends the end user back: what
 * every OAuth call of the platform takes.
 *
 * @group Provisioning
 */
export interface OAuthApp {
  /** The OAuth app's client id (consumer key) at the vendor: the connector's `oauth.api.key`. */
  readonly apiKey: string
  /** The OAuth app's client secret (consumer secret): `oauth.api.secret`. A secret. */
  readonly apiSecret: string
  /** Where the vendor redirects the end user: `oauth.callback.url`, registered with the app. */
  readonly callbackUrl: string
}

/**
 * The options of `client.oauth.start`.
 *
 * @group Provisioning
 */
export interface OAuthStartOptions extends OAuthApp {
  /** The permissions to ask for (connectors that take `scope`). */
  readonly scope?: string | undefined
  /** The vendor account's host (connectors that take `siteAddress`, e.g. Salesforce, Zendesk). */
  readonly siteAddress?: string | undefined
  /** The `state` to send; a random one (32 bytes) when left out. */
  readonly state?: string | undefined
}

/**
 * The query of `client.oauth.authorizationUrl` (`GET /elements/{key}/oauth/url`).
 *
 * @group Provisioning
 */
export interface OAuthUrlParams extends OAuthApp {
  /** The permissions to ask for. */
  readonly scope?: string | undefined
  /** A value the vendor passes back to the callback unchanged. */
  readonly state?: string | undefined
  /** The vendor account's host. */
  readonly siteAddress?: string | undefined
  /** OAuth 1.0a: the request token from `client.oauth.requestToken`. */
  readonly requestToken?: string | undefined
}

function text(argument: string, value: unknown, required: boolean): string | undefined {
  if (value === undefined && !required) return undefined
  if (typeof value !== 'string' || value.trim() === '') {
    return invalid(argument, `${argument} must be a non-empty string.`)
  }
  return value
}

function appQuery(app: OAuthApp): URLSearchParams {
  if (typeof app !== 'object' || app === null) {
    return invalid('params', 'The OAuth call needs { apiKey, apiSecret, callbackUrl }.')
  }
  const callbackUrl = text('callbackUrl', app.callbackUrl, true) as string
  if (!URL.canParse(callbackUrl) || !/^https?:$/.test(new URL(callbackUrl).protocol)) {
    invalid('callbackUrl', 'callbackUrl must be an absolute http(s) URL.')
  }
  return new URLSearchParams({
    apiKey: text('apiKey', app.apiKey, true) as string,
    apiSecret: text('apiSecret', app.apiSecret, true) as string,
    callbackUrl,
  })
}

/** A parser of an answer by the wire schema `schemaOf` names (read when the answer is). */
function parseWith<T>(
  schemaOf: () => v.GenericSchema<unknown, T>,
): (body: unknown, answer: Answer) => T {
  return (body, { request: summary }) => {
    const result = v.safeParse(schemaOf(), body)
    if (!result.success) throw responseError(summary, result.issues)
    return result.output
  }
}

const parseUrl = /* @__PURE__ */ parseWith<OAuthUrlAnswer>(
  () => managementSchemas.get().oauthUrlAnswerSchema,
)
const parseToken = /* @__PURE__ */ parseWith<RequestTokenAnswer>(
  () => managementSchemas.get().requestTokenAnswerSchema,
)

/** What a flow needs to know of its connector. */
interface FlowConnector {
  readonly key: string
  readonly kind: OAuthKind
  readonly urlParameters?: readonly OAuthUrlParameter[] | undefined
  readonly callbackValues: readonly string[]
}

/**
 * The platform's OAuth calls and the flow around them: `start` (request token for OAuth 1.0a,
 * authorisation URL, `state`), `complete` (the vendor's callback into `providerData`, checked),
 * and the two calls underneath.
 *
 * @group Provisioning
 */
export class OAuthResource {
  readonly #context: Context

  /** @internal Built by `createPlatformClient`. */
  constructor(context: Context) {
    this.#context = context
  }

  /**
   * Starts an OAuth flow for a connector (a definition, or a key: looked up in the client's
   * registry, else in the platform's descriptor): for OAuth 1.0a gets a request token first, then
   * the vendor's authorisation URL with a fresh random `state` (unless one is given). Send the end
   * user to `flow.url`; keep the flow for {@link complete}.
   *
   * @example
   * ```ts
   * const flow = await client.oauth.start(hubspotcrm, {
   *   apiKey: process.env.HUBSPOT_CLIENT_ID ?? '',
   *   apiSecret: process.env.HUBSPOT_CLIENT_SECRET ?? '',
   *   callbackUrl: 'https://app.example.com/oauth/callback',
   *   scope: 'crm.objects.contacts.read',
   * })
   * redirectTo(flow.url)
   * ```
   */
  async start<C extends AnyConnector>(
    connector: C,
    options: OAuthStartOptions,
  ): Promise<OAuthFlow<OAuthKindOf<C>>>
  async start(key: string, options: OAuthStartOptions): Promise<OAuthFlow>
  async start(
    connectorOrKey: AnyConnector | string,
    options: OAuthStartOptions,
  ): Promise<OAuthFlow> {
    const connector = await this.#flowConnector(connectorOrKey)
    appQuery(options)
    for (const parameter of ['scope', 'siteAddress'] as const) {
      const given = text(parameter, options[parameter], false)
      const taken = connector.urlParameters
      if (given !== undefined && taken !== undefined && !taken.includes(parameter)) {
        invalid(
          parameter,
          `${connector.key}'s authorisation URL takes no ${parameter} (it takes ${taken.length === 0 ? 'none of scope, siteAddress' : taken.join(', ')}).`,
        )
      }
    }
    const state = text('state', options.state, false) ?? randomState()
    const app = {
      apiKey: options.apiKey,
      apiSecret: options.apiSecret,
      callbackUrl: options.callbackUrl,
    }
    const requestToken =
      connector.kind === 'oauth1' ? await this.requestToken(connector.key, app) : undefined
    const url = await this.authorizationUrl(connector.key, {
      ...app,
      scope: options.scope,
      siteAddress: options.siteAddress,
      state,
      requestToken: requestToken?.token,
    })
    const flow: OAuthFlow = {
      kind: connector.kind,
      connector: connector.key,
      url,
      state,
      ...(requestToken === undefined ? {} : { requestToken }),
      callbackValues: connector.callbackValues,
    }
    hideInInspect(flow, 'OAuthFlow', {
      kind: flow.kind,
      connector: flow.connector,
      url,
      state,
      ...(requestToken === undefined ? {} : { requestToken: '[hidden]' }),
    })
    return flow
  }

  /**
   * Completes a flow: turns what the vendor redirected to the callback URL (the full URL, its
   * query string or its parameters) into `providerData` for `client.provision` or
   * `client.instances.reauthorize`. Makes no request. Checks `state` (OAuth 2.0) or
   * `oauth_token` (OAuth 1.0a) against the flow: a mismatch is an `OAuthStateError`; a refusal
   * at the vendor an `OAuthDeniedError`; a missing code or kept value, or another vendor error,
   * an `OAuthCallbackError`. The result's values are hidden from `util.inspect`.
   *
   * @example
   * ```ts
   * // in the callback route, with the flow kept since start
   * const providerData = client.oauth.complete(flow, request.url)
   * const instance = await client.provision(hubspotcrm, {
   *   name: 'Acme CRM',
   *   configuration: { 'authentication.type': 'oauth2', … },
   *   providerData,
   * })
   * ```
   */
  complete<K extends OAuthKind>(
    flow: OAuthFlow<K>,
    callback: URL | string | URLSearchParams,
    options?: OAuthCompleteOptions,
  ): ProviderDataOf<K> {
    return completeFlow(flow, callback, options) as ProviderDataOf<K>
  }

  /**
   * The vendor's authorisation URL (`GET /elements/{keyOrId}/oauth/url`). `start` calls it; call
   * it directly to build a flow of your own.
   */
  async authorizationUrl(keyOrId: string | number, params: OAuthUrlParams): Promise<string> {
    const searchParams = appQuery(params)
    for (const name of ['scope', 'state', 'siteAddress', 'requestToken'] as const) {
      const value = text(name, params[name], false)
      if (value !== undefined) searchParams.set(name, value)
    }
    await managementSchemas.load()
    const answer = await request(
      this.#context.transport,
      {
        method: 'GET',
        path: `elements/${segment('keyOrId', keyOrId)}/${OAUTH_PATHS.url}`,
        searchParams,
        secrets: [params.apiKey, params.apiSecret, params.requestToken],
      },
      parseUrl,
    )
    return answer.oauthUrl
  }

  /**
   * An OAuth 1.0a request token (`GET /elements/{keyOrId}/oauth/token`). `start` calls it for
   * OAuth 1.0a connectors. The secret is hidden from `util.inspect`.
   */
  async requestToken(keyOrId: string | number, params: OAuthApp): Promise<OAuthRequestToken> {
    const searchParams = appQuery(params)
    await managementSchemas.load()
    const answer = await request(
      this.#context.transport,
      {
        method: 'GET',
        path: `elements/${segment('keyOrId', keyOrId)}/${OAUTH_PATHS.token}`,
        searchParams,
        secrets: [params.apiKey, params.apiSecret],
      },
      parseToken,
    )
    this.#context.transport.secrets.remember(answer.secret)
    const token: OAuthRequestToken = { token: answer.token, secret: answer.secret }
    hideInInspect(token, 'OAuthRequestToken', { token: answer.token, secret: '[hidden]' })
    return token
  }

  /** How the flow for a connector or key goes: its declaration, else the platform's descriptor. */
  async #flowConnector(connectorOrKey: AnyConnector | string): Promise<FlowConnector> {
    const connector =
      typeof connectorOrKey === 'string' ? this.#context.resolve(connectorOrKey) : connectorOrKey
    if (connector !== undefined) {
      if (
        typeof connector !== 'object' ||
        connector === null ||
        typeof connector.key !== 'string'
      ) {
        return invalid('connector', 'The connector must be a connector definition or a key.')
      }
      const found = oauthAuthorizationOf(connector)
      if (found === undefined) {
        return invalid(
          'connector',
          `${connector.key} authorises with its configuration alone: it has no OAuth flow.`,
        )
      }
      return {
        key: connector.key,
        kind: found.authorization.kind,
        // Undeclared (a connector built from the platform's description): not checked.
        urlParameters: found.authorization.urlParameters,
        callbackValues: found.authorization.callbackValues ?? [],
      }
    }
    const key = connectorOrKey as string
    const descriptor = await request(
      this.#context.transport,
      { method: 'GET', path: `elements/${segment('key', key)}` },
      parseConnector,
    )
    const type = descriptor.authentication?.type
    if (type !== 'oauth2' && type !== 'oauth1') {
      return invalid(
        'connector',
        `${key} authenticates with ${type ?? 'an unknown method'} on the platform: it has no OAuth flow.`,
      )
    }
    return { key: descriptor.key, kind: type, callbackValues: [] }
  }
}
