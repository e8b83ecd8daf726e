import { createContext, provisioningClient } from './client-context.js'
import type { ResolvedOptions } from './options.js'
import type { ProvisioningClient } from './provisioning-client.js'

// The provisioning client's implementation: what `createProvisioningClient` imports on the
// client's first call (provisioning-client.ts).

/** A provisioning client with `resolved` options: the calls of `createProvisioningClient`. */
export function provisioningClientOf(resolved: ResolvedOptions): ProvisioningClient {
  return provisioningClient(createContext(resolved))
}
