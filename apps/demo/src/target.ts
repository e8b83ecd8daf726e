import { existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { isCancel, password as promptPassword } from '@clack/prompts'
import { createPlatformClient, type PlatformClient } from '@plugboard/core'
import type { RunningSandbox, SimulatedChange, VendorChange } from '@plugboard/sandbox'
import { registry } from './app-registry.js'
import { CancelledError, SandboxStartError, UsageError } from './cli-errors.js'
import type { Output } from './output.js'

/** The default database of the embedded sandbox, relative to the working directory. */
export const DEFAULT_DATABASE = '.plugboard/sandbox.db'

/** Where the CLI sends its calls. */
export interface TargetOptions {
  /** A real platform's API root; without it the embedded sandbox is started. */
  readonly baseUrl?: string | undefined
  /** The embedded sandbox's database file (or `:memory:`). */
  readonly db?: string | undefined
}

/** A platform client and what to close when done. */
export interface Target {
  readonly client: PlatformClient
  /** `sandbox` when the embedded sandbox answers, else the platform's base URL. */
  readonly description: string
  close(): Promise<void>
  /** Sandbox-only: simulates a vendor change on an instance (the secrets stay in here). */
  simulateChange(instanceId: number, change: VendorChange): Promise<SimulatedChange>
}

async function simulate(
  credentials: { baseUrl: string; userSecret: string; organizationSecret: string },
  instanceId: number,
  change: VendorChange,
): Promise<SimulatedChange> {
  const { simulateVendorChange } = await import('@plugboard/sandbox')
  return simulateVendorChange({ ...credentials, instanceId, change })
}

async function secretFromEnvOrPrompt(name: string, label: string, out: Output): Promise<string> {
  const fromEnv = process.env[name]
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv
  if (!out.interactive) {
    throw new UsageError(`Set ${name} (the ${label}) to call a platform with --base-url.`)
  }
  const answer = await promptPassword({
    message: `${label} (${name})`,
    validate: (value) => (value === undefined || value === '' ? `Enter the ${label}.` : undefined),
  })
  if (isCancel(answer)) throw new CancelledError()
  return answer
}

/**
 * Checks a `--base-url` before anything else runs: an absolute http(s) URL, naming the option
 * (not the client's `baseUrl`) when it is not.
 */
export function checkBaseUrl(baseUrl: string): string {
  let url: URL
  try {
    url = new URL(baseUrl)
  } catch {
    throw new UsageError(
      '--base-url must be an absolute http(s) URL, the API root, e.g. https://api.cloud-your_moms.com/your_moms/api-v2.',
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--base-url must be an http(s) URL, not ${url.protocol}.`)
  }
  return baseUrl
}

/**
 * Makes sure the database's folder exists: the default `.plugboard/` folder is created, a folder
 * the user named with `--db` must exist already (a typo would otherwise leave a new folder tree).
 */
function prepareDatabaseFolder(database: string): void {
  if (database === ':memory:') return
  const folder = dirname(database)
  if (database === DEFAULT_DATABASE) {
    mkdirSync(folder, { recursive: true })
  } else if (!existsSync(folder)) {
    throw new UsageError(
      `--db ${database}: the folder ${folder} does not exist (create it first, or give another path).`,
    )
  }
}

/**
 * Starts the embedded sandbox with the app's connectors. A failure to start is an expected one: a
 * {@link SandboxStartError} naming the reason.
 */
export async function startEmbeddedSandbox(options: {
  readonly port: number
  readonly host: string
  readonly database: string
}): Promise<RunningSandbox> {
  prepareDatabaseFolder(options.database)
  const { startSandbox } = await import('@plugboard/sandbox')
  try {
    return await startSandbox({ ...options, registry })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new SandboxStartError(
      `The embedded sandbox could not start (${options.host}:${options.port}, database ${options.database}): ${reason}`,
    )
  }
}

/** Opens the target: a real platform (secrets from the environment or a prompt) or the embedded sandbox. */
export async function openTarget(options: TargetOptions, out: Output): Promise<Target> {
  if (options.baseUrl !== undefined) {
    const baseUrl = checkBaseUrl(options.baseUrl)
    const userSecret = await secretFromEnvOrPrompt('PLUGBOARD_USER_SECRET', 'user secret', out)
    const organizationSecret = await secretFromEnvOrPrompt(
      'PLUGBOARD_ORGANIZATION_SECRET',
      'organization secret',
      out,
    )
    const client = createPlatformClient({
      baseUrl,
      userSecret,
      organizationSecret,
    })
    return {
      client,
      description: baseUrl,
      close: async () => {},
      simulateChange: (id, change) =>
        simulate({ baseUrl, userSecret, organizationSecret }, id, change),
    }
  }
  const database = options.db ?? DEFAULT_DATABASE
  const sandbox = await startEmbeddedSandbox({ port: 0, host: '127.0.0.1', database })
  const { SANDBOX_ORGANIZATION_SECRET, SANDBOX_USER_SECRET } = await import('@plugboard/sandbox')
  const client = createPlatformClient({
    baseUrl: sandbox.baseUrl,
    userSecret: SANDBOX_USER_SECRET,
    organizationSecret: SANDBOX_ORGANIZATION_SECRET,
  })
  return {
    client,
    description: `embedded sandbox at ${sandbox.baseUrl} (database ${database})`,
    close: () => sandbox.close(),
    simulateChange: (id, change) =>
      simulate(
        {
          baseUrl: sandbox.baseUrl,
          userSecret: SANDBOX_USER_SECRET,
          organizationSecret: SANDBOX_ORGANIZATION_SECRET,
        },
        id,
        change,
      ),
  }
}
