import { formatAuthorization } from '@plugboard/core/protocol'
import { SANDBOX_ORGANIZATION_SECRET, SANDBOX_USER_SECRET } from '@plugboard/sandbox'
import { UsageError } from '../cli-errors.js'
import type { Output } from '../output.js'
import { DEFAULT_DATABASE, startEmbeddedSandbox } from '../target.js'

/** The options of `sandbox`. */
export interface SandboxOptions {
  readonly port: string
  readonly host: string
  readonly db?: string | undefined
}

/** `sandbox`: runs the sandbox with the app's connectors in the foreground until interrupted. */
export async function runSandbox(options: SandboxOptions, out: Output): Promise<void> {
  const port = /^[0-9]{1,5}$/.test(options.port) ? Number(options.port) : Number.NaN
  if (!(port >= 0 && port <= 65535)) {
    throw new UsageError(`--port must be a number from 0 to 65535, got "${options.port}".`)
  }
  const database = options.db ?? DEFAULT_DATABASE
  const sandbox = await startEmbeddedSandbox({ port, host: options.host, database })
  const authorization = formatAuthorization({
    user: SANDBOX_USER_SECRET,
    organization: SANDBOX_ORGANIZATION_SECRET,
  })
  if (out.json) {
    out.data({ baseUrl: sandbox.baseUrl, database, authorization })
  } else {
    out.line(`plugboard sandbox listening: ${sandbox.baseUrl}`)
    out.line(`database: ${database}`)
    out.line(`Authorization: ${authorization}`)
    out.line(out.style('dim', 'Press Ctrl+C to stop.'))
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  await sandbox.close()
}
