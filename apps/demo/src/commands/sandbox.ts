import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { SANDBOX_ORGANIZATION_SECRET, SANDBOX_USER_SECRET, startSandbox } from '@plugboard/sandbox'
import { registry } from '../app-registry.js'
import type { Output } from '../output.js'
import { DEFAULT_DATABASE } from '../target.js'

/** The options of `sandbox`. */
export interface SandboxOptions {
  readonly port: string
  readonly host: string
  readonly db?: string | undefined
}

/** `sandbox`: runs the sandbox with the app's connectors in the foreground until interrupted. */
export async function runSandbox(options: SandboxOptions, out: Output): Promise<void> {
  const database = options.db ?? DEFAULT_DATABASE
  if (database !== ':memory:') mkdirSync(dirname(database), { recursive: true })
  const sandbox = await startSandbox({
    port: Number(options.port),
    host: options.host,
    database,
    registry,
  })
  const authorization = `User ${SANDBOX_USER_SECRET}, Organization ${SANDBOX_ORGANIZATION_SECRET}`
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
