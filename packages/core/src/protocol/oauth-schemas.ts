import * as v from 'valibot'

/**
 * The platform's answer when an OAuth connector is provisioned without a code (`POST /instances`,
 * 400).
 */
export const MISSING_OAUTH_CODE_MESSAGE =
  'You must provide an OAuth code in order to create an instance of this element'

/** The OAuth paths under `/elements/{keyOrId}/`. */
export const OAUTH_PATHS = Object.freeze({
  /** The authorisation URL: `GET /elements/{keyOrId}/oauth/url`. */
  url: 'oauth/url',
  /** The OAuth 1.0a request token: `GET /elements/{keyOrId}/oauth/token`. */
  token: 'oauth/token',
})

const nonEmpty = (what: string) =>
  v.pipe(v.string(`expected ${what} as a string`), v.nonEmpty(`expected ${what}, not empty`))

/** The answer of `GET /elements/{keyOrId}/oauth/url`: `{ element, oauthUrl }`. */
export const oauthUrlAnswerSchema = v.looseObject(
  {
    element: nonEmpty('the connector key'),
    oauthUrl: v.pipe(
      nonEmpty('the authorisation URL'),
      v.url('expected the authorisation URL to be an absolute URL'),
      v.check(
        (url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol),
        'expected the authorisation URL to be an http(s) URL',
      ),
    ),
  },
  'expected a JSON object with element and oauthUrl',
)

/** The answer of `GET /elements/{keyOrId}/oauth/url`. */
export type OAuthUrlAnswer = v.InferOutput<typeof oauthUrlAnswerSchema>

/** The answer of `GET /elements/{keyOrId}/oauth/token` (OAuth 1.0a): `{ token, secret }`. */
export const requestTokenAnswerSchema = v.looseObject(
  {
    token: nonEmpty('the request token'),
    secret: nonEmpty('the request token secret'),
  },
  'expected a JSON object with token and secret',
)

/** The answer of `GET /elements/{keyOrId}/oauth/token`. */
export type RequestTokenAnswer = v.InferOutput<typeof requestTokenAnswerSchema>

const query = {
  apiKey: nonEmpty('apiKey'),
  apiSecret: nonEmpty('apiSecret'),
  callbackUrl: v.pipe(nonEmpty('callbackUrl'), v.url('expected callbackUrl to be an absolute URL')),
}

/**
 * The query of `GET /elements/{keyOrId}/oauth/url` as the server reads it (from
 * `Object.fromEntries(searchParams)`): apiKey, apiSecret and callbackUrl required; scope, state,
 * siteAddress and requestToken (OAuth 1.0a) optional; other parameters kept.
 */
export const oauthUrlQuerySchema = v.looseObject(
  {
    ...query,
    scope: v.optional(v.string()),
    state: v.optional(v.string()),
    siteAddress: v.optional(v.string()),
    requestToken: v.optional(v.string()),
  },
  'expected the query parameters apiKey, apiSecret and callbackUrl',
)

/** The query of `GET /elements/{keyOrId}/oauth/url`. */
export type OAuthUrlQuery = v.InferOutput<typeof oauthUrlQuerySchema>

/** The query of `GET /elements/{keyOrId}/oauth/token` as the server reads it. */
export const requestTokenQuerySchema = v.looseObject(
  query,
  'expected the query parameters apiKey, apiSecret and callbackUrl',
)

/** The query of `GET /elements/{keyOrId}/oauth/token`. */
export type RequestTokenQuery = v.InferOutput<typeof requestTokenQuerySchema>

/** `providerData` of OAuth 2.0: `{ code }`, and the callback values the connector keeps. */
export const oauth2ProviderDataSchema = v.objectWithRest(
  { code: nonEmpty('the OAuth code') },
  v.string(),
  'expected providerData to hold the OAuth code',
)

/** `providerData` of OAuth 1.0a: `{ oauth_token, oauth_verifier, secret }`, and kept values. */
export const oauth1ProviderDataSchema = v.objectWithRest(
  {
    oauth_token: nonEmpty('oauth_token'),
    oauth_verifier: nonEmpty('oauth_verifier'),
    secret: nonEmpty('the request token secret'),
  },
  v.string(),
  'expected providerData to hold oauth_token, oauth_verifier and secret',
)

/** `providerData` of a provisioning or re-authorising request, as the server reads it. */
export const providerDataSchema = v.union(
  [oauth2ProviderDataSchema, oauth1ProviderDataSchema],
  'expected providerData: { code } (OAuth 2.0) or { oauth_token, oauth_verifier, secret } (OAuth 1.0a)',
)
