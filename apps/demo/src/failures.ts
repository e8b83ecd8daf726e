import {
  ConfigurationError,
  NetworkError,
  PlatformError,
  PlugboardError,
  TimeoutError,
  UnknownConnectorError,
} from '@plugboard/core'

/** Exit code for a usage error: bad arguments, unknown connector, missing configuration. */
export const EXIT_USAGE = 2
/** Exit code for a failure of the platform or the network. */
export const EXIT_FAILURE = 1

/** A usage error raised by the CLI itself (exit code 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/** What the CLI prints and returns for a failure it expects. */
export interface Failure {
  readonly exitCode: number
  readonly message: string
  readonly details: Record<string, unknown>
}

/**
 * Turns an expected failure into one clear line and an exit code; returns undefined for
 * anything unexpected (a bug), which is then shown with its stack.
 */
export function describeFailure(error: unknown): Failure | undefined {
  if (error instanceof UsageError) {
    return { exitCode: EXIT_USAGE, message: error.message, details: { kind: 'usage' } }
  }
  if (ConfigurationError.isInstance(error)) {
    return {
      exitCode: EXIT_USAGE,
      message: error.message,
      details: { kind: 'configuration', connector: error.connectorKey, issues: error.issues },
    }
  }
  if (UnknownConnectorError.isInstance(error)) {
    return {
      exitCode: EXIT_USAGE,
      message: error.message,
      details: { kind: 'unknown-connector', key: error.key, knownKeys: error.knownKeys },
    }
  }
  if (PlatformError.isInstance(error)) {
    const request = error.requestId === undefined ? '' : ` (requestId ${error.requestId})`
    return {
      exitCode: EXIT_FAILURE,
      message: `The platform answered ${error.status}: ${error.platformMessage}${request}`,
      details: {
        kind: 'platform',
        status: error.status,
        requestId: error.requestId,
        message: error.platformMessage,
        providerMessage: error.providerMessage,
      },
    }
  }
  if (TimeoutError.isInstance(error) || NetworkError.isInstance(error)) {
    return { exitCode: EXIT_FAILURE, message: error.message, details: { kind: 'network' } }
  }
  if (PlugboardError.isInstance(error)) {
    return { exitCode: EXIT_FAILURE, message: error.message, details: { kind: error.name } }
  }
  return undefined
}
