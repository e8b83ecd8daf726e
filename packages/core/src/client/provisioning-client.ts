import type { AnyConnector } from '../connector.js'
import type { ProvisionedInstance, ProvisionRequest } from '../instance.js'
import type { Vocabulary } from '../protocol/vocabulary.js'
import { type Context, showInInspect } from './context.js'
import { type PlatformClientOptions, resolveOptions } from './options.js'
import { provision } from './provisioning.js'
import { createTransport } from './transport.js'

/**
 * A client that provisions instances and does nothing else. Build one with
 * {@link createProvisioningClient}; a {@link PlatformClient} is one too.
 *
 * @group Provisioning
 */
export interface ProvisioningClient {
  /** The normalized base URL (with a trailing slash). */
  readonly baseUrl: string
  /** The wire vocabulary the client speaks. */
  readonly vocabulary: Vocabulary
  /**
   * Provisions an instance of `connector` (`POST /instances`). The configuration is validated
   * first: when an entry is missing, invalid or unknown, a `ConfigurationError` names every
   * one of them and nothing is sent. POST is never retried automatically.
   *
   * @example
   * ```ts
   * const instance = await client.provision(chargebee, {
   *   name: 'Acme billing',
   *   configuration: { site: 'acme-test', username: process.env.CHARGEBEE_API_KEY ?? '' },
   *   tags: ['billing'],
   * })
   * saveToken(instance.id, instance.token) // keep it: later calls on the instance need it
   * ```
   */
  provision<C extends AnyConnector>(
    connector: C,
    request: NoInfer<ProvisionRequest<C>>,
  ): Promise<ProvisionedInstance<C>>
}

/** The context every resource of a client shares: options checked, one transport. */
export function createContext(options: PlatformClientOptions): Context {
  const resolved = resolveOptions(options)
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

/**
 * Creates a client that only provisions: the same options, checks, transport and errors as
 * {@link createPlatformClient}, without the management calls (instances, connectors, instance
 * clients). An application that only provisions imports this one, and its bundle leaves the
 * management API out.
 *
 * @example
 * ```ts
 * import { createProvisioningClient } from '@plugboard/core'
 * import { chargebee } from '@plugboard/connector-chargebee'
 *
 * const client = createProvisioningClient({
 *   baseUrl: 'https://api.cloud-your_moms.com/your_moms/api-v2',
 *   userSecret: process.env.PLUGBOARD_USER_SECRET ?? '',
 *   organizationSecret: process.env.PLUGBOARD_ORGANIZATION_SECRET ?? '',
 * })
 * const instance = await client.provision(chargebee, {
 *   name: 'Acme billing',
 *   configuration: { site: 'acme-test', username: process.env.CHARGEBEE_API_KEY ?? '' },
 * })
 * ```
 *
 * @group Provisioning
 */
export function createProvisioningClient(options: PlatformClientOptions): ProvisioningClient {
  const client = provisioningClient(createContext(options))
  showInInspect(
    client,
    `ProvisioningClient { baseUrl: '${client.baseUrl}', vocabulary: '${client.vocabulary}' }`,
  )
  return client
}
