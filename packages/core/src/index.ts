/**
 * `@plugboard/core`: the connector plugin interface, a typed connector registry, and a typed
 * client for the platform's `/instances` API.
 *
 * @packageDocumentation
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
export { createRegistry, Registry } from './registry.js'
export { SPECIFICATION_VERSION, type SpecificationVersion } from './specification.js'
export { validateConfiguration } from './validate-configuration.js'
