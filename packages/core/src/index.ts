/**
 * `@plugboard/core`: the connector plugin interface, a typed connector registry, and a typed
 * client for the platform's `/instances` API. The wire protocol's facts are in
 * `@plugboard/core/protocol`, the connector conformance kit in `@plugboard/core/testing`.
 *
 * @module @plugboard/core
 */

export type { ConnectorsResource } from './client/connectors.js'
export {
  createPlatformClient,
  type PlatformClient,
} from './client/create-client.js'
export type { HubRequestOptions, InstanceClient } from './client/hub.js'
export type { InstanceId, InstanceResource, InstanceTarget } from './client/instance-resource.js'
export type { InstancesResource } from './client/instances.js'
export type {
  FetchFunction,
  HookRequest,
  HookResponse,
  PlatformClientOptions,
  PlatformHooks,
  PlatformRetryOptions,
} from './client/options.js'
export { type ConfigEntry, configEntries, maskedKeys, secretKeys } from './config-entries.js'
export {
  type AnyConnector,
  type ConfigInput,
  type ConfigSchema,
  type ConfigurationOf,
  type ConfigurationValue,
  type Connector,
  type ConnectorDescriptor,
  type ConnectorMetadata,
  type ConnectorParameter,
  defineConnector,
  type InstanceConfigurationOf,
  type ResponseConfigSchema,
} from './connector.js'
export { type DescriptorInput, defineDescriptor, fillBaseUrl } from './descriptor.js'
export { PlugboardError, type PlugboardErrorOptions } from './errors/base.js'
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
  ProviderData,
  ProvisionedInstance,
  ProvisionRequest,
} from './instance.js'
export type {
  InstanceEventObject,
  InstanceEventRecord,
  InstanceEventStatus,
} from './protocol/event-schemas.js'
export type { Vocabulary } from './protocol/vocabulary.js'
export { type ConnectorLookup, createRegistry, Registry } from './registry.js'
export { SPECIFICATION_VERSION, type SpecificationVersion } from './specification.js'
export { validateConfiguration } from './validate-configuration.js'
export { validateUpdateConfiguration } from './validate-update.js'
