/** The user secret of the sandbox's built-in development organization. Not a secret: never use it outside the sandbox. */
export const SANDBOX_USER_SECRET = 'sandbox-user-secret'

/** The organization secret of the sandbox's built-in development organization. Not a secret: never use it outside the sandbox. */
export const SANDBOX_ORGANIZATION_SECRET = 'sandbox-organization-secret'

/** The id of the sandbox's built-in development organization. */
export const SANDBOX_ORGANIZATION_ID = 'sandbox'

/** The platform's message for a request with wrong or missing secrets or token (status 401). */
export const UNAUTHORIZED_MESSAGE =
  'Invalid Organization or User secret, or invalid Element token provided.'

/** The largest request body the sandbox reads: 1 MiB. Larger bodies are answered with 413. */
export const MAX_BODY_BYTES = 1024 * 1024

/** The name of the response header that carries the request id. */
export const REQUEST_ID_HEADER = 'x-request-id'

/** The default and the largest `pageSize` of `GET /instances` (a larger one is lowered to the largest). */
export const PAGE_SIZE = { default: 200, max: 1000 } as const

/**
 * The path of the sandbox's readiness check: `GET /health` answers `200 {"status":"ok"}` without
 * authentication once the sandbox serves requests.
 */
export const HEALTH_PATH = '/health'
