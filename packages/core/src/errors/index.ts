export { brandOf, PlugboardError, type PlugboardErrorOptions } from './base.js'
export {
  ConfigurationError,
  type ConfigurationErrorOptions,
  type ConfigurationIssue,
  type ConfigurationIssueKind,
} from './configuration-error.js'
export {
  InvalidArgumentError,
  type InvalidArgumentErrorOptions,
  RegistrationError,
  type RegistrationErrorOptions,
  type RegistrationFailure,
  UnknownConnectorError,
  type UnknownConnectorErrorOptions,
} from './registry-errors.js'
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
} from './request-errors.js'
