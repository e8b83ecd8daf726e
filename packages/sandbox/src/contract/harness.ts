import { chargebee } from '@plugboard/connector-chargebee'
import {
  createPlatformClient,
  type PlatformClient,
  type PlatformClientOptions,
} from '@plugboard/core'
import type { Vocabulary } from '@plugboard/core/protocol'
import { afterAll, beforeAll } from 'vitest'
import { SANDBOX_ORGANIZATION_SECRET, SANDBOX_USER_SECRET } from '../constants.js'
import { createDefaultRegistry } from '../registry.js'
import { type RunningSandbox, type StartSandboxOptions, startSandbox } from '../server.js'

/**
 * The contract suite's sandbox: a real server on a loopback port, its database in memory unless
 * `options` say otherwise.
 */
export function startContractSandbox(
  vocabulary: Vocabulary,
  options: Partial<StartSandboxOptions> = {},
): Promise<RunningSandbox> {
  return startSandbox({ port: 0, database: ':memory:', vocabulary, ...options })
}

/** A client of the running sandbox in its vocabulary, with the default registry. */
export function contractClient(
  running: RunningSandbox,
  vocabulary: Vocabulary,
  options: Partial<PlatformClientOptions> = {},
): PlatformClient {
  return createPlatformClient({
    baseUrl: running.baseUrl,
    userSecret: SANDBOX_USER_SECRET,
    organizationSecret: SANDBOX_ORGANIZATION_SECRET,
    vocabulary,
    registry: createDefaultRegistry(),
    retry: 0,
    ...options,
  })
}

/** A Chargebee provisioning request: its API key is the secret entry. */
export const API_KEY = 'test_contractSecretKey'

/** Provisions a Chargebee instance named `name` with the tags given. */
export function provisionChargebee(client: PlatformClient, name: string, tags: string[] = []) {
  return client.provision(chargebee, {
    name,
    configuration: { site: 'acme-test', username: API_KEY },
    tags,
  })
}

/** The rejection of `promise` (fails when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail')
    },
    (error: unknown) => error,
  )
}

/** What a contract suite works with, set before its tests run. */
export interface ContractSetup {
  /** The running sandbox. */
  running: RunningSandbox
  /** A client of it. */
  client: PlatformClient
}

/** Starts a sandbox and a client for the suite (in `beforeAll`), and stops it afterwards. */
export function useContractSandbox(
  vocabulary: Vocabulary,
  options: Partial<StartSandboxOptions> = {},
): ContractSetup {
  const setup = {} as ContractSetup
  beforeAll(async () => {
    setup.running = await startContractSandbox(vocabulary, options)
    setup.client = contractClient(setup.running, vocabulary)
  })
  afterAll(async () => {
    await setup.running.close()
  })
  return setup
}
