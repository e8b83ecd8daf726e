import {
  ConfigurationError,
  InvalidArgumentError,
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

/**
 * The embedded sandbox could not start (exit code 1): its port is taken, its database file is
 * not a sandbox database, its folder cannot be created, …
 */
export class SandboxStartError extends Error {
  override readonly name = 'SandboxStartError'
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
  if (error instanceof SandboxStartError) {
    return { exitCode: EXIT_FAILURE, message: error.message, details: { kind: 'sandbox' } }
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
  if (InvalidArgumentError.isInstance(error)) {
    // The CLI hands core only what the user gave it (--base-url, the secrets' variables).
    return { exitCode: EXIT_USAGE, message: error.message, details: { kind: 'usage' } }
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
