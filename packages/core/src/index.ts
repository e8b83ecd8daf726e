/**
 * `@plugboard/core`: the connector plugin interface, a typed connector registry, and a typed
 * client for the platform's `/instances` API. The wire protocol's facts are in
 * `@plugboard/core/protocol`, the connector conformance kit in `@plugboard/core/testing`.
 *
 * @packageDocumentation
 */

export {
  type ConnectorsResource,
  type CurrentInstanceApi,
  createPlatformClient,
  type FetchFunction,
  type HookRequest,
  type HookResponse,
  type HubRequestOptions,
  type InstanceClient,
  type InstanceId,
  type InstanceResource,
  type InstancesApi,
  type InstancesResource,
  type InstanceTarget,
  type PlatformClient,
  type PlatformClientOptions,
  type PlatformHooks,
  type PlatformRetryOptions,
} from './client/index.js'
export { type ConfigEntry, configEntries, secretKeys } from './config-entries.js'
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
export {
  ConfigurationError,
  type ConfigurationErrorOptions,
  type ConfigurationIssue,
  type ConfigurationIssueKind,
  InvalidArgumentError,
  type InvalidArgumentErrorOptions,
  NetworkError,
  type NetworkErrorOptions,
  PlatformError,
  type PlatformErrorOptions,
  PlugboardError,
  type PlugboardErrorOptions,
  RegistrationError,
  type RegistrationErrorOptions,
  type RegistrationFailure,
  RequestError,
  type RequestErrorOptions,
  type RequestSummary,
  ResponseValidationError,
  type ResponseValidationErrorOptions,
  TimeoutError,
  type TimeoutErrorOptions,
  UnknownConnectorError,
  type UnknownConnectorErrorOptions,
} from './errors/index.js'
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
  ListInstancesQuery,
  ProviderData,
  ProvisionedInstance,
  ProvisionRequest,
} from './instance.js'
export type { Vocabulary } from './protocol/vocabulary.js'
export { type ConnectorLookup, createRegistry, Registry } from './registry.js'
export { SPECIFICATION_VERSION, type SpecificationVersion } from './specification.js'
export { validateConfiguration } from './validate-configuration.js'
