/**
 * `@plugboard/core`: the connector plugin interface, a typed connector registry, and a typed
 * client for the platform's `/instances` API.
 *
 * @module @plugboard/core
 */

export { type ConfigEntry, configEntries, secretKeys } from './config-entries.js'
export {
  type AnyConnector,
  type ConfigInput,
  type ConfigOutput,
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
export {
  ConfigurationError,
  type ConfigurationIssue,
  type ConfigurationIssueKind,
  InvalidArgumentError,
  NetworkError,
  PlatformError,
  type PlatformErrorDetails,
  PlugboardError,
  type PlugboardErrorOptions,
  RegistrationError,
  type RegistrationFailure,
  type RequestSummary,
  ResponseValidationError,
  TimeoutError,
  UnknownConnectorError,
} from './errors.js'
export {
  type ConfigurationEntryRecord,
  configurationEntrySchema,
  configurationValueSchema,
  type GenericInstanceConfiguration,
  genericInstanceConfigurationSchema,
  type Instance,
  type InstanceConnector,
  type InstanceConnectorParameter,
  type InstanceEnvelope,
  type InstanceOf,
  type InstancePage,
  type InstancePatch,
  type InstanceUpdate,
  instanceConnectorParameterSchema,
  instanceConnectorSchema,
  instanceEnvelopeSchema,
  type ListInstancesQuery,
  type ProviderData,
  type ProvisionedInstance,
  type ProvisionRequest,
} from './instance.js'
export {
  type ConnectorLookup,
  type CurrentInstanceApi,
  createPlatformClient,
  type HubRequestOptions,
  type InstanceClient,
  type InstanceId,
  type InstancesApi,
  NEXT_PAGE_HEADER,
  type PlatformClient,
  type PlatformClientOptions,
  type PlatformRetryOptions,
  RETRY_STATUS_CODES,
} from './platform-client.js'
export { createRedactor, REDACTED, type Redactor } from './redact.js'
export { createRegistry, Registry } from './registry.js'
export { SPECIFICATION_VERSION, type SpecificationVersion } from './specification.js'
export { validateConfiguration } from './validate-configuration.js'
export { USER_AGENT, VERSION } from './version.js'
export { DEFAULT_VOCABULARY, VOCABULARIES, type Vocabulary } from './vocabulary.js'
