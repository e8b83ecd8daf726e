/**
 * The platform's answer when an OAuth connector is provisioned without a code (`POST /instances`,
 * 400).
 */
export const MISSING_OAUTH_CODE_MESSAGE =
  'You must provide an OAuth code in order to create an instance of this element'

/** The OAuth paths under `/elements/{keyOrId}/`. */
export const OAUTH_PATHS = /* @__PURE__ */ Object.freeze({
  /** The authorisation URL: `GET /elements/{keyOrId}/oauth/url`. */
  url: 'oauth/url',
  /** The OAuth 1.0a request token: `GET /elements/{keyOrId}/oauth/token`. */
  token: 'oauth/token',
})
