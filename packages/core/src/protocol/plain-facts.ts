/**
 * The protocol's plain facts (constants, the Authorization header, the vocabularies), without the
 * wire schemas: an internal entry of the build (`dist/protocol/plain-facts.js`) that the protocol
 * entry re-exports and the other entries import directly, so importing `@plugboard/core` does not
 * evaluate the wire schemas. Not a public entry: the same names are exported by
 * `@plugboard/core/protocol`.
 */

export {
  type AuthorizationParts,
  formatAuthorization,
  parseAuthorization,
} from './authorization.js'
export { isRetryableStatus, MASK, NEXT_PAGE_HEADER, RETRYABLE_STATUSES } from './facts.js'
export { MISSING_OAUTH_CODE_MESSAGE, OAUTH_PATHS } from './oauth-paths.js'
export { INSTANCE_ID_HEADER, PLATFORM_COMMON_ENTRIES } from './platform-entries.js'
export {
  API_ROOTS,
  connectorField,
  connectorIdField,
  DEFAULT_VOCABULARY,
  VOCABULARIES,
  type Vocabulary,
} from './vocabulary.js'
