import type { Context } from './context.js'
import type { ResolvedOptions } from './options.js'
import { provision } from './provisioning.js'
import type { ProvisioningClient } from './provisioning-client.js'
import { createTransport } from './transport.js'

// What both implementations (provisioning-implementation.ts, platform-implementation.ts) build a
// client from. A module of its own, so that a bundle of a client that only provisions takes from
// it only what provisioning needs.

/** The context every resource of a client shares: options checked, one transport. */
export function createContext(resolved: ResolvedOptions): Context {
  const { registry } = resolved
  return {
    options: resolved,
    transport: createTransport(resolved),
    vocabulary: resolved.vocabulary,
    resolve: (key) => (registry?.has(key) === true ? registry.resolve(key) : undefined),
  }
}

/** The provisioning part of a client over `context`. */
export function provisioningClient(context: Context): ProvisioningClient {
  return {
    baseUrl: context.options.baseUrl,
    vocabulary: context.vocabulary,
    provision: (connector, request) => provision(context, connector, request),
  }
}
