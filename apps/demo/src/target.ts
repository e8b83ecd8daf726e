import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { isCancel, password as promptPassword } from '@clack/prompts'
import { createPlatformClient, type PlatformClient } from '@plugboard/core'
import {
  type RunningSandbox,
  SANDBOX_ORGANIZATION_SECRET,
  SANDBOX_USER_SECRET,
  startSandbox,
} from '@plugboard/sandbox'
import { registry } from './app-registry.js'
import { SandboxStartError, UsageError } from './failures.js'
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
}

async function secretFromEnvOrPrompt(name: string, label: string, out: Output): Promise<string> {
  const fromEnv = process.env[name]
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv
  if (!out.interactive) {
    throw new UsageError(`Set ${name} (the ${label}) to call a platform with --base-url.`)
  }
  const answer = await promptPassword({ message: `${label} (${name})` })
  if (isCancel(answer) || answer === '') throw new UsageError(`No ${label} given.`)
  return answer
}

/**
 * Starts the embedded sandbox with the app's connectors (creating the database's folder). A
 * failure to start is an expected one: a {@link SandboxStartError} naming the reason.
 */
export async function startEmbeddedSandbox(options: {
  readonly port: number
  readonly host: string
  readonly database: string
}): Promise<RunningSandbox> {
  try {
    if (options.database !== ':memory:') {
      mkdirSync(dirname(options.database), { recursive: true })
    }
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
    const userSecret = await secretFromEnvOrPrompt('PLUGBOARD_USER_SECRET', 'user secret', out)
    const organizationSecret = await secretFromEnvOrPrompt(
      'PLUGBOARD_ORGANIZATION_SECRET',
      'organization secret',
      out,
    )
    const client = createPlatformClient({
      baseUrl: options.baseUrl,
      userSecret,
      organizationSecret,
    })
    return { client, description: options.baseUrl, close: async () => {} }
  }
  const database = options.db ?? DEFAULT_DATABASE
  const sandbox = await startEmbeddedSandbox({ port: 0, host: '127.0.0.1', database })
  const client = createPlatformClient({
    baseUrl: sandbox.baseUrl,
    userSecret: SANDBOX_USER_SECRET,
    organizationSecret: SANDBOX_ORGANIZATION_SECRET,
  })
  return {
    client,
    description: `embedded sandbox at ${sandbox.baseUrl} (database ${database})`,
    close: () => sandbox.close(),
  }
}
