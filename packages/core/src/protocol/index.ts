/**
 * `@plugboard/core/protocol`: the facts of the platform's wire protocol, written once for both
 * of its sides — the client in `@plugboard/core` and the server in `@plugboard/sandbox`: the
 * Authorization header, the vocabularies and API roots, the paging header, the mask, the
 * retryable statuses and the wire schemas.
 *
 * @module @plugboard/core/protocol
 */

export type { InstanceEnvelope } from '../instance.js'
export {
  type InstanceEventObject,
  type InstanceEventRecord,
  type InstanceEventStatus,
  instanceEventListSchema,
  instanceEventSchema,
} from './event-schemas.js'
export {
  configurationEntrySchema,
  configurationValueSchema,
  genericInstanceConfigurationSchema,
  instanceConnectorParameterSchema,
  instanceConnectorSchema,
  instanceEnvelopeSchema,
  instanceUserSchema,
} from './instance-schemas.js'
export {
  type OAuthUrlAnswer,
  type OAuthUrlQuery,
  oauth1ProviderDataSchema,
  oauth2ProviderDataSchema,
  oauthUrlAnswerSchema,
  oauthUrlQuerySchema,
  providerDataSchema,
  type RequestTokenAnswer,
  type RequestTokenQuery,
  requestTokenAnswerSchema,
  requestTokenQuerySchema,
} from './oauth-schemas.js'
// The plain facts (constants, the Authorization header, the vocabularies) through their own module:
// the build makes it a chunk of its own, which the main entry imports without the wire schemas.
export {
  API_ROOTS,
  type AuthorizationParts,
  connectorField,
  connectorIdField,
  DEFAULT_VOCABULARY,
  formatAuthorization,
  INSTANCE_ID_HEADER,
  isRetryableStatus,
  MASK,
  MISSING_OAUTH_CODE_MESSAGE,
  NEXT_PAGE_HEADER,
  OAUTH_PATHS,
  PLATFORM_COMMON_ENTRIES,
  parseAuthorization,
  RETRYABLE_STATUSES,
  VOCABULARIES,
  type Vocabulary,
} from './plain-facts.js'
export {
  configurationEntryRequestSchema,
  type ErrorBody,
  errorBodySchema,
  instanceRequestSchema,
} from './request-schemas.js'
