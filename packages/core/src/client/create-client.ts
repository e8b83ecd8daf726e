import { connectorInstances } from './connector-instances.js'
import { ConnectorsResource } from './connectors.js'
import { showInInspect } from './context.js'
import { InstanceClient } from './hub.js'
import { InstancesResource } from './instances.js'
import { OAuthResource } from './oauth.js'
import { checkSecret, type PlatformClientOptions } from './options.js'
import {
  createContext,
  type ProvisioningClient,
  provisioningClient,
} from './provisioning-client.js'
import { withToken } from './transport.js'

/**
 * A client for the platform's instances API: provisioning (see {@link ProvisioningClient}) and
 * the management calls. Build one with {@link createPlatformClient}.
 *
 * @group Provisioning
 */
export interface PlatformClient extends ProvisioningClient {
  /** The calls on instances by id. */
  readonly instances: InstancesResource
  /** The platform's connector descriptors. */
  readonly connectors: ConnectorsResource
  /** The OAuth flow: `start`, `complete`, and the platform's OAuth calls (`client/oauth.ts`). */
  readonly oauth: OAuthResource
  /**
   * The instance calls under one connector, named by its key or numeric id
   * (`/elements/{keyOrId}/instances…`): `list`, `iterate` and every by-id call of `instances`.
   */
  connectorInstances(keyOrId: string | number): InstancesResource
  /**
   * A client scoped to the instance whose token is given: for hub calls and the token-scoped
   * instance routes.
   */
  forInstance(token: string): InstanceClient
}

/**
 * Creates a client for the platform's instances API: one transport with the base URL, the
 * `Authorization: User <u>, Organization <o>` header, JSON, a per-attempt timeout, a retry policy
 * for idempotent requests, your hooks and an injectable fetch.
 *
 * Errors: `PlatformError` (an error status), `TimeoutError`, `NetworkError`,
 * `ResponseValidationError` (a 2xx body of the wrong shape), `ConfigurationError` (refused before
 * sending) and `InvalidArgumentError`. Secrets never appear in their messages nor in
 * `util.inspect` of the client.
 *
 * @example
 * ```ts
 * import { createPlatformClient, createRegistry } from '@plugboard/core'
 * import { chargebee } from '@plugboard/connector-chargebee'
 *
 * const client = createPlatformClient({
 *   baseUrl: 'https://api.cloud-your_moms.com/your_moms/api-v2',
 *   userSecret: process.env.PLATFORM_USER_SECRET ?? '',
 *   organizationSecret: process.env.PLATFORM_ORGANIZATION_SECRET ?? '',
 *   registry: createRegistry().register(chargebee),
 * })
 * const instance = await client.provision(chargebee, {
 *   name: 'Acme billing',
 *   configuration: { site: 'acme-test', username: process.env.CHARGEBEE_API_KEY ?? '' },
 * })
 * const customers = await client.forInstance(instance.token).get('hubs/payment/customers')
 * ```
 *
 * @group Provisioning
 */
export function createPlatformClient(options: PlatformClientOptions): PlatformClient {
  const context = createContext(options)
  const resolved = context.options
  const client: PlatformClient = {
    ...provisioningClient(context),
    instances: new InstancesResource(context),
    connectors: new ConnectorsResource(context),
    oauth: new OAuthResource(context),
    connectorInstances: (keyOrId) => connectorInstances(context, keyOrId),
    forInstance(token: string): InstanceClient {
      const checked = checkSecret('token', token)
      // One set for the client and its instance clients: a token seen once is redacted everywhere.
      context.transport.secrets.remember(checked)
      return new InstanceClient({
        ...context,
        transport: withToken(context.transport, resolved, checked),
      })
    },
  }
  showInInspect(
    client,
    `PlatformClient { baseUrl: '${resolved.baseUrl}', vocabulary: '${resolved.vocabulary}' }`,
  )
  return client
}
