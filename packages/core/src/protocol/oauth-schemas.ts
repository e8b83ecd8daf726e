import * as v from 'valibot'

const nonEmpty = (what: string) =>
  /* @__PURE__ */ v.pipe(
    /* @__PURE__ */ v.string(`expected ${what} as a string`),
    /* @__PURE__ */ v.nonEmpty(`expected ${what}, not empty`),
  )

/** The answer of `GET /elements/{keyOrId}/oauth/url`: `{ element, oauthUrl }`. */
export const oauthUrlAnswerSchema = /* @__PURE__ */ v.looseObject(
  {
    element: /* @__PURE__ */ nonEmpty('the connector key'),
    oauthUrl: /* @__PURE__ */ v.pipe(
      /* @__PURE__ */ nonEmpty('the authorisation URL'),
      /* @__PURE__ */ v.url('expected the authorisation URL to be an absolute URL'),
      /* @__PURE__ */ v.check(
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
export const requestTokenAnswerSchema = /* @__PURE__ */ v.looseObject(
  {
    token: /* @__PURE__ */ nonEmpty('the request token'),
    secret: /* @__PURE__ */ nonEmpty('the request token secret'),
  },
  'expected a JSON object with token and secret',
)

/** The answer of `GET /elements/{keyOrId}/oauth/token`. */
export type RequestTokenAnswer = v.InferOutput<typeof requestTokenAnswerSchema>

const query = {
  apiKey: /* @__PURE__ */ nonEmpty('apiKey'),
  apiSecret: /* @__PURE__ */ nonEmpty('apiSecret'),
  callbackUrl: /* @__PURE__ */ v.pipe(
    /* @__PURE__ */ nonEmpty('callbackUrl'),
    /* @__PURE__ */ v.url('expected callbackUrl to be an absolute URL'),
  ),
}

/**
 * The query of `GET /elements/{keyOrId}/oauth/url` as the server reads it (from
 * `Object.fromEntries(searchParams)`): apiKey, apiSecret and callbackUrl required; scope, state,
 * siteAddress and requestToken (OAuth 1.0a) optional; other parameters kept.
 */
export const oauthUrlQuerySchema = /* @__PURE__ */ v.looseObject(
  {
    ...query,
    scope: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.string()),
    state: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.string()),
    siteAddress: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.string()),
    requestToken: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.string()),
  },
  'expected the query parameters apiKey, apiSecret and callbackUrl',
)

/** The query of `GET /elements/{keyOrId}/oauth/url`. */
export type OAuthUrlQuery = v.InferOutput<typeof oauthUrlQuerySchema>

/** The query of `GET /elements/{keyOrId}/oauth/token` as the server reads it. */
export const requestTokenQuerySchema = /* @__PURE__ */ v.looseObject(
  query,
  'expected the query parameters apiKey, apiSecret and callbackUrl',
)

/** The query of `GET /elements/{keyOrId}/oauth/token`. */
export type RequestTokenQuery = v.InferOutput<typeof requestTokenQuerySchema>

/** `providerData` of OAuth 2.0: `{ code }`, and the callback values the connector keeps. */
export const oauth2ProviderDataSchema = /* @__PURE__ */ v.objectWithRest(
  { code: /* @__PURE__ */ nonEmpty('the OAuth code') },
  /* @__PURE__ */ v.string(),
  'expected providerData to hold the OAuth code',
)

/** `providerData` of OAuth 1.0a: `{ oauth_token, oauth_verifier, secret }`, and kept values. */
export const oauth1ProviderDataSchema = /* @__PURE__ */ v.objectWithRest(
  {
    oauth_token: /* @__PURE__ */ nonEmpty('oauth_token'),
    oauth_verifier: /* @__PURE__ */ nonEmpty('oauth_verifier'),
    secret: /* @__PURE__ */ nonEmpty('the request token secret'),
  },
  /* @__PURE__ */ v.string(),
  'expected providerData to hold oauth_token, oauth_verifier and secret',
)

/** `providerData` of a provisioning or re-authorising request, as the server reads it. */
export const providerDataSchema = /* @__PURE__ */ v.union(
  [oauth2ProviderDataSchema, oauth1ProviderDataSchema],
  'expected providerData: { code } (OAuth 2.0) or { oauth_token, oauth_verifier, secret } (OAuth 1.0a)',
)
