import type { AnyConnector } from '@plugboard/core'
import { connectorField } from '@plugboard/core/protocol'
import type { Hono } from 'hono'
import type { CatalogueLookup } from '../catalogue/lookup.js'
import { HttpError } from '../http-error.js'
import { CONSENT_PATH } from '../oauth/consent.js'
import type { GrantBinding } from '../oauth/grants.js'
import { oauthSideOf } from '../oauth/kind.js'
import { connectorByKeyOrId } from './by-connector.js'
import type { Ctx, RouteKit, SandboxEnv } from './kit.js'
import { resource } from './resource.js'

/** The longest value the sandbox takes for one query parameter of the OAuth routes. */
const MAX_PARAMETER_LENGTH = 2048

/** The connector a `{keyOrId}` names: a package's key or id, or a catalogued key or id. */
function connectorOfPath(kit: RouteKit, c: Ctx): AnyConnector {
  const keyOrId = c.req.param('keyOrId') ?? ''
  const catalogued = (kit.registry as Partial<CatalogueLookup>).elementOf?.(keyOrId)
  if (/^[0-9]+$/.test(keyOrId) && catalogued !== undefined && !kit.registry.has(keyOrId)) {
    const byId = kit.registry
      .keys()
      .some((key) => String(kit.registry.resolve(key).descriptor.id) === keyOrId)
    if (!byId) return kit.connectorOf(catalogued.key)
  }
  return connectorByKeyOrId(kit, keyOrId)
}

function parameter(c: Ctx, name: string): string | undefined {
  const value = c.req.query(name)
  if (value === undefined || value === '') return undefined
  if (value.length > MAX_PARAMETER_LENGTH) {
    throw new HttpError(
      400,
      `The query parameter "${name}" is longer than ${MAX_PARAMETER_LENGTH} characters.`,
    )
  }
  return value
}

/** The app, its secret and the callback URL the query names: 400 naming every one missing. */
function bindingOf(c: Ctx, connector: AnyConnector): GrantBinding {
  const apiKey = parameter(c, 'apiKey')
  const apiSecret = parameter(c, 'apiSecret')
  const callbackUrl = parameter(c, 'callbackUrl')
  const missing = [
    ...(apiKey === undefined ? ['apiKey'] : []),
    ...(apiSecret === undefined ? ['apiSecret'] : []),
    ...(callbackUrl === undefined ? ['callbackUrl'] : []),
  ]
  if (missing.length > 0) {
    throw new HttpError(
      400,
      `The query needs apiKey, apiSecret and callbackUrl (the OAuth app at the vendor and its callback): missing ${missing.join(', ')}.`,
    )
  }
  let url: URL | undefined
  try {
    url = new URL(callbackUrl as string)
  } catch {}
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new HttpError(400, 'The callbackUrl must be an absolute http or https URL.')
  }
  return {
    organization: c.get('organization').id,
    connectorKey: connector.key,
    apiKey: apiKey as string,
    apiSecret: apiSecret as string,
    callbackUrl: callbackUrl as string,
  }
}

function oauthSide(kit: RouteKit, connector: AnyConnector) {
  const side = oauthSideOf(kit.oauth.authorisation(connector))
  if (side === undefined) {
    throw new HttpError(
      400,
      `Connector "${connector.key}" does not authorise with OAuth (its credentials go in its configuration): it has no OAuth flow.`,
    )
  }
  return side
}

/** `GET /elements/{keyOrId}/oauth/url`: a consent request, answered with the consent page's URL. */
function authorizationUrl(kit: RouteKit, c: Ctx): Response {
  const connector = connectorOfPath(kit, c)
  const side = oauthSide(kit, connector)
  const binding = bindingOf(c, connector)
  const requestToken = parameter(c, 'requestToken')
  if (side.kind === 'oauth1') {
    if (requestToken === undefined) {
      throw new HttpError(
        400,
        `Connector "${connector.key}" authorises with OAuth 1.0a: get a request token first (GET /elements/${connector.key}/oauth/token) and pass it as requestToken.`,
      )
    }
    const problem = kit.oauth.grants.checkRequestToken(binding, requestToken)
    if (problem !== undefined)
      throw new HttpError(400, `The requestToken was refused: ${problem.problem}.`)
  }
  const taken = new Set(side.urlParameters)
  const optional = (name: string) => (taken.has(name) ? parameter(c, name) : undefined)
  const id = kit.oauth.grants.openRequest(
    binding,
    side.kind,
    {
      // Every connector takes state (the client's CSRF check), as the platform passes it on.
      state: parameter(c, 'state'),
      scope: optional('scope'),
      siteAddress: optional('siteAddress'),
      requestToken: side.kind === 'oauth1' ? requestToken : undefined,
    },
    side.callbackValues,
  )
  const oauthUrl = new URL(CONSENT_PATH, new URL(c.req.url).origin)
  oauthUrl.searchParams.set('request', id)
  const field = connectorField(kit.vocabulary)
  return c.json({
    element: connector.key,
    ...(field === 'element' ? {} : { [field]: connector.key }),
    oauthUrl: oauthUrl.href,
  })
}

/** `GET /elements/{keyOrId}/oauth/token` (OAuth 1.0a): a request token and its secret. */
function requestToken(kit: RouteKit, c: Ctx): Response {
  const connector = connectorOfPath(kit, c)
  const side = oauthSide(kit, connector)
  if (side.kind !== 'oauth1') {
    throw new HttpError(
      400,
      `Connector "${connector.key}" authorises with OAuth 2.0: it has no request-token step (GET /elements/${connector.key}/oauth/url starts its flow).`,
    )
  }
  return c.json(kit.oauth.grants.issueRequestToken(bindingOf(c, connector)))
}

/**
 * The OAuth routes under one API root, for both collections: `GET /elements/{keyOrId}/oauth/url`
 * (the authorisation URL: the sandbox's own consent page) and `GET /elements/{keyOrId}/oauth/token`
 * (an OAuth 1.0a request token).
 */
export function oauthRoutes(api: Hono<SandboxEnv>, kit: RouteKit): void {
  for (const collection of ['/elements', '/your_moms']) {
    resource(api, `${collection}/:keyOrId/oauth/url`, { GET: (c) => authorizationUrl(kit, c) })
    resource(api, `${collection}/:keyOrId/oauth/token`, { GET: (c) => requestToken(kit, c) })
  }
}
