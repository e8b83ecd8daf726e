import { createContext, provisioningClient } from './client-context.js'
import { connectorInstances } from './connector-instances.js'
import { ConnectorsResource } from './connectors.js'
import type { PlatformClient } from './create-client.js'
import { InstanceClient } from './hub.js'
import { InstancesResource } from './instances.js'
import { OAuthResource } from './oauth.js'
import type { ResolvedOptions } from './options.js'
import { withToken } from './transport.js'

// The platform client's implementation: what `createPlatformClient` imports on the client's
// first call (create-client.ts), which checks the options and the arguments it must refuse at
// once (a token, a connector key or id) before.

/**
 * A platform client with `resolved` options: the calls of `createPlatformClient`. It redacts
 * `tokens` (those given to `forInstance` before it was made) from the start.
 */
export function platformClientOf(
  resolved: ResolvedOptions,
  tokens: readonly string[],
): PlatformClient {
  const context = createContext(resolved)
  for (const token of tokens) context.transport.secrets.remember(token)
  return {
    ...provisioningClient(context),
    instances: new InstancesResource(context),
    connectors: new ConnectorsResource(context),
    oauth: new OAuthResource(context),
    connectorInstances: (keyOrId) => connectorInstances(context, keyOrId),
    forInstance(token: string): InstanceClient {
      // One set for the client and its instance clients: a token seen once is redacted everywhere.
      context.transport.secrets.remember(token)
      return new InstanceClient({
        ...context,
        transport: withToken(context.transport, resolved, token),
      })
    },
  }
}
