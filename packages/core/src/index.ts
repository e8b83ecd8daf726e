/**
 * `@plugboard/core`: the connector plugin interface, a typed connector registry, and a typed
 * client for the platform's `/instances` API. The wire protocol's facts are in
 * `@plugboard/core/protocol`, the connector conformance kit in `@plugboard/core/testing`. What a
 * connector package needs to define its connector, and the registry, are also in
 * `@plugboard/core/define`, a lighter entry that does not load the client.
 *
 * @module @plugboard/core
 */

export type {
  ConnectorPage,
  ConnectorsResource,
  ListConnectorsQuery,
} from './client/connectors.js'
export {
  createPlatformClient,
  type PlatformClient,
} from './client/create-client.js'
export type { HubRequestOptions, InstanceClient } from './client/hub.js'
export type { InstanceId, InstanceResource, InstanceTarget } from './client/instance-resource.js'
export {
  DEFAULT_MAX_PAGES,
  type InstancesResource,
  type IterateOptions,
} from './client/instances.js'
export type {
  OAuthApp,
  OAuthResource,
  OAuthStartOptions,
  OAuthUrlParams,
} from './client/oauth.js'
export type {
  OAuthCompleteOptions,
  OAuthFlow,
  OAuthKind,
  OAuthKindOf,
  OAuthKindOfAuthorization,
  OAuthRequestToken,
  ProviderDataOf,
} from './client/oauth-flow.js'
export {
  DEFAULT_MAX_RESPONSE_SIZE,
  DEFAULT_TOTAL_TIMEOUT,
  type FetchFunction,
  type HookRequest,
  type HookResponse,
  MAX_REDIRECTS,
  type PlatformClientOptions,
  type PlatformHooks,
  type PlatformRetryOptions,
} from './client/options.js'
export {
  createProvisioningClient,
  type ProvisioningClient,
} from './client/provisioning-client.js'
export { PROVISIONING_KEY_TAG_PREFIX } from './client/provisioning-key.js'
export {
  MAX_REMEMBERED_CHARACTERS,
  MAX_REMEMBERED_SECRETS,
  MIN_REMEMBERED_LENGTH,
} from './client/redact.js'
export { maskedKeys, secretKeys } from './connector-keys.js'
// Everything a connector package defines with, and the registry: the light entry's whole face.
export * from './define.js'
export {
  type ConnectorDescription,
  connectorFromDescription,
  isCallerEntry,
  textLimitOf,
} from './description/runtime-connector.js'
export type {
  CatalogueConnector,
  ConnectorConfigurationEntry,
} from './description/schemas.js'
export { PlugboardError, type PlugboardErrorOptions } from './errors/base.js'
export {
  DeadlineError,
  type DeadlineErrorOptions,
  PageLimitError,
  type PageLimitErrorOptions,
  RedirectError,
  type RedirectErrorOptions,
  type RedirectRefusal,
  ResponseTooLargeError,
  type ResponseTooLargeErrorOptions,
} from './errors/client-limit-errors.js'
export {
  ConfigurationError,
  type ConfigurationErrorOptions,
  type ConfigurationIssue,
  type ConfigurationIssueKind,
} from './errors/configuration-error.js'
export {
  InvalidArgumentError,
  type InvalidArgumentErrorOptions,
} from './errors/invalid-argument-error.js'
export {
  OAuthCallbackError,
  type OAuthCallbackErrorOptions,
  OAuthDeniedError,
  type OAuthErrorOptions,
  OAuthStateError,
  type OAuthStateErrorOptions,
} from './errors/oauth-errors.js'
export {
  ProvisioningKeyError,
  type ProvisioningKeyErrorOptions,
} from './errors/provisioning-key-error.js'
export {
  RegistrationError,
  type RegistrationErrorOptions,
  type RegistrationFailure,
  UnknownConnectorError,
  type UnknownConnectorErrorOptions,
} from './errors/registry-errors.js'
export {
  NetworkError,
  type NetworkErrorOptions,
  PlatformError,
  type PlatformErrorOptions,
  RequestError,
  type RequestErrorOptions,
  type RequestSummary,
  ResponseValidationError,
  type ResponseValidationErrorOptions,
  TimeoutError,
  type TimeoutErrorOptions,
} from './errors/request-errors.js'
export type {
  ConfigurationEntryRecord,
  GenericInstanceConfiguration,
  Instance,
  InstanceConnector,
  InstanceConnectorParameter,
  InstanceOf,
  InstancePage,
  InstancePatch,
  InstanceUpdate,
  InstanceUser,
  ListInstancesQuery,
  ProvisionedInstance,
  ProvisionFields,
  ProvisionRequest,
} from './instance.js'
export type {
  InstanceEventObject,
  InstanceEventRecord,
  InstanceEventStatus,
} from './protocol/event-schemas.js'
export type { Vocabulary } from './protocol/vocabulary.js'
export { validateConfiguration } from './validate-configuration.js'
export { validateUpdateConfiguration } from './validate-update.js'
