/** Exit code for a usage error: bad arguments, unknown connector, missing configuration. */
export const EXIT_USAGE = 2
/** Exit code for a failure of the platform or the network. */
export const EXIT_FAILURE = 1
/** Exit code after the user pressed Ctrl-C (128 + SIGINT, as shells report it). */
export const EXIT_CANCELLED = 130

/** A usage error raised by the CLI itself (exit code 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/** The user cancelled a prompt or a running step with Ctrl-C (exit code 130). */
export class CancelledError extends Error {
  override readonly name = 'CancelledError'
  constructor() {
    super('Cancelled.')
  }
}

/**
 * The embedded sandbox could not start (exit code 1): its port is taken, its database file is
 * not a sandbox database, its folder does not exist, …
 */
export class SandboxStartError extends Error {
  override readonly name = 'SandboxStartError'
}
