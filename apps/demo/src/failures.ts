import {
  ConfigurationError,
  InvalidArgumentError,
  NetworkError,
  PlatformError,
  PlugboardError,
  TimeoutError,
  UnknownConnectorError,
} from '@plugboard/core'
import { API_ROOTS } from '@plugboard/core/protocol'
import {
  CancelledError,
  EXIT_CANCELLED,
  EXIT_FAILURE,
  EXIT_USAGE,
  SandboxStartError,
  UsageError,
} from './cli-errors.js'
import { OAuthTimeoutError } from './oauth/wait.js'

/** What the CLI prints and returns for a failure it expects. */
export interface Failure {
  readonly exitCode: number
  readonly message: string
  readonly details: Record<string, unknown>
}

/**
 * A hint for a 404 from a `--base-url` that is not an API root (the platform then knows no route
 * at all), or an empty string.
 */
export function baseUrlHint(status: number, baseUrl: string | undefined): string {
  if (status !== 404 || baseUrl === undefined) return ''
  const path = new URL(baseUrl).pathname.replace(/\/+$/, '')
  const roots = Object.values(API_ROOTS)
  if (roots.some((root) => path.endsWith(root))) return ''
  return ` (--base-url is the platform's API root: does it lack ${roots.join(' or ')}?)`
}

/**
 * Turns an expected failure into one clear line and an exit code; returns undefined for
 * anything unexpected (a bug), which is then shown with its stack.
 */
export function describeFailure(
  error: unknown,
  context: { readonly baseUrl?: string | undefined } = {},
): Failure | undefined {
  if (error instanceof CancelledError) {
    return { exitCode: EXIT_CANCELLED, message: error.message, details: { kind: 'cancelled' } }
  }
  if (error instanceof UsageError) {
    return { exitCode: EXIT_USAGE, message: error.message, details: { kind: 'usage' } }
  }
  if (error instanceof OAuthTimeoutError) {
    return { exitCode: EXIT_FAILURE, message: error.message, details: { kind: 'timeout' } }
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
      message: `The platform answered ${error.status}: ${error.platformMessage}${request}${baseUrlHint(error.status, context.baseUrl)}`,
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
