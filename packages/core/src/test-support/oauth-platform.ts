import { MISSING_OAUTH_CODE_MESSAGE } from '../protocol/oauth-paths.js'
import { instanceBody } from './fixtures.js'
import { API_ROOT, type Behaviour, type Handler, type RecordedRequest } from './server.js'

/** The OAuth kind the stand-in platform gives each connector key. */
const kinds: Readonly<Record<string, string>> = {
  salesy: 'oauth2',
  crmly: 'oauth2',
  booksy: 'oauth1',
  acme: 'basic',
}

/** Request token secrets and codes: distinctive, so a leak is easy to find. */
export const REQUEST_TOKEN_SECRET = 'rts-SECRET-q8z1'
export const OAUTH_CODE = 'code-SECRET-c0d3'
export const OAUTH_VERIFIER = 'verifier-SECRET-v3r1'

const missingApp = (query: URLSearchParams): boolean =>
  ['apiKey', 'apiSecret', 'callbackUrl'].some((name) => (query.get(name) ?? '') === '')

const badRequest = (message: string): Behaviour => ({
  status: 400,
  json: { requestId: 'r1', message },
})

/**
 * A purpose-built stand-in for the platform's OAuth routes, following the OAuth contract: the
 * authorisation URL points at a consent page on `origin` (the vendor), the request token for
 * OAuth 1.0a, provisioning that refuses a missing code, re-authorising by PATCH.
 */
export function oauthPlatform(origin: string): Handler {
  return (request: RecordedRequest): Behaviour => {
    const path = request.path.startsWith(API_ROOT) ? request.path.slice(API_ROOT.length) : ''
    const oauth = /^\/elements\/([^/]+)\/oauth\/(url|token)$/.exec(path)
    if (oauth !== null && request.method === 'GET') {
      const [, key = '', what] = oauth
      const query = request.query
      if (missingApp(query)) return badRequest('apiKey, apiSecret and callbackUrl are required')
      if (what === 'token') return { json: { token: `rt-${key}-1`, secret: REQUEST_TOKEN_SECRET } }
      const consent = new URL('/consent', origin)
      consent.searchParams.set('client_id', query.get('apiKey') ?? '')
      consent.searchParams.set('redirect_uri', query.get('callbackUrl') ?? '')
      for (const name of ['state', 'scope', 'siteAddress', 'requestToken']) {
        const value = query.get(name)
        if (value !== null) consent.searchParams.set(name, value)
      }
      return { json: { element: key, oauthUrl: consent.href } }
    }
    const element = /^\/elements\/([^/]+)$/.exec(path)
    if (element !== null && request.method === 'GET') {
      const key = element[1] ?? ''
      const type = kinds[key]
      if (type === undefined) return { status: 404, json: { message: `No element ${key}` } }
      return { json: { id: 910, key, name: key, authentication: { type } } }
    }
    if (path === '/instances' && request.method === 'POST') {
      const body = request.json as Record<string, unknown> & {
        element?: { key?: string }
        your_mom?: { key?: string }
        providerData?: Record<string, string>
      }
      const key = body.your_mom?.key ?? body.element?.key ?? ''
      const data = body.providerData
      const chosen = (body.configuration as Record<string, unknown> | undefined)?.[
        'authentication.type'
      ]
      if (kinds[key]?.startsWith('oauth') === true && chosen !== 'apiKey') {
        const given = data?.code ?? data?.oauth_verifier
        if (given === undefined) return badRequest(MISSING_OAUTH_CODE_MESSAGE)
        if (given !== OAUTH_CODE && given !== OAUTH_VERIFIER) {
          // Like a careless server: the refused code is repeated in the message.
          return badRequest(`The OAuth code ${given} is not valid`)
        }
      }
      return {
        json: instanceBody({
          key,
          configuration: {
            ...(body.configuration as Record<string, unknown>),
            'oauth.user.token': '********',
            'oauth.user.refresh_interval': '3600',
          },
        }),
      }
    }
    if (/^\/instances\/\d+$/.test(path) && request.method === 'PATCH') {
      return { json: instanceBody({ key: 'salesy' }) }
    }
    return { status: 404, json: { message: `no route ${request.method} ${path}` } }
  }
}

/** What the vendor's consent page does on Allow: the callback URL with the code and state. */
export function allow(oauthUrl: string, values: Record<string, string> = {}): string {
  const consent = new URL(oauthUrl)
  const callback = new URL(consent.searchParams.get('redirect_uri') ?? '')
  const requestToken = consent.searchParams.get('requestToken')
  if (requestToken === null) {
    callback.searchParams.set('code', OAUTH_CODE)
    const state = consent.searchParams.get('state')
    if (state !== null) callback.searchParams.set('state', state)
  } else {
    callback.searchParams.set('oauth_token', requestToken)
    callback.searchParams.set('oauth_verifier', OAUTH_VERIFIER)
  }
  for (const [name, value] of Object.entries(values)) callback.searchParams.set(name, value)
  return callback.href
}

/** What the consent page does on Deny. */
export function deny(oauthUrl: string): string {
  const consent = new URL(oauthUrl)
  const callback = new URL(consent.searchParams.get('redirect_uri') ?? '')
  callback.searchParams.set('error', 'access_denied')
  const state = consent.searchParams.get('state')
  if (state !== null) callback.searchParams.set('state', state)
  return callback.href
}
