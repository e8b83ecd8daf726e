import { MASK } from '../protocol/facts.js'
import type { ConnectorsResource } from './connectors.js'
import { showInInspect } from './context.js'
import type { PlatformClient } from './create-client.js'
import type { InstanceClient } from './hub.js'
import type { InstancesResource } from './instances.js'
import type { OAuthResource } from './oauth.js'
import { completeFlow } from './oauth-flow.js'

/** A value made on first use by an import(): then handed out without a wait. */
export interface Lazy<T> {
  /** The value, once made. */
  ready?: T
  /** Makes the value (once) and resolves with it. */
  readonly get: () => Promise<T>
}

/**
 * A lazy value: on the first `get`, `load` (an import) and then `build` from what it loaded. The
 * value is `ready` as soon as it is built, in the same step.
 */
export function lazy<M, T>(load: () => Promise<M>, build: (loaded: M) => T): Lazy<T> {
  let making: Promise<T> | undefined
  const value: Lazy<T> = {
    get: () => {
      making ??= load().then((loaded) => {
        const made = build(loaded)
        value.ready = made
        return made
      })
      return making
    },
  }
  return value
}

// biome-ignore lint/suspicious/noExplicitAny: a forwarded method takes and returns what its target's does
type AnyMethod = (...args: any[]) => Promise<unknown>

/**
 * An object whose methods `names` call the same methods of `pick(value)`: at once when the lazy
 * value is made, else once it is. Every forwarded method returns a promise, so a refused
 * argument is a rejected promise either way.
 */
function forwarding<T>(
  value: Lazy<T>,
  pick: (made: T) => object,
  names: readonly string[],
): Record<string, AnyMethod> {
  const methods: Record<string, AnyMethod> = {}
  for (const name of names) {
    const call = (made: T, args: unknown[]) =>
      (pick(made) as Record<string, AnyMethod>)[name]?.(...args) as Promise<unknown>
    methods[name] = (...args) => {
      const made = value.ready
      return made === undefined
        ? value.get().then((loaded) => call(loaded, args))
        : call(made, args)
    }
  }
  return methods
}

const INSTANCE_CALLS = [
  'get',
  'update',
  'patch',
  'reauthorize',
  'delete',
  'configuration',
  'getConfiguration',
  'setConfiguration',
  'enable',
  'disable',
  'enableEvents',
  'disableEvents',
  'events',
  'getEvent',
] as const

/** `InstancesResource` over the one `pick` takes from the client when it is loaded. */
export function lazyInstances(
  client: Lazy<PlatformClient>,
  pick: (made: PlatformClient) => InstancesResource,
): InstancesResource {
  const resource = forwarding(client, pick, [...INSTANCE_CALLS, 'list'])
  return Object.assign(resource, {
    async *iterate(...args: Parameters<InstancesResource['iterate']>) {
      yield* pick(client.ready ?? (await client.get())).iterate(...args)
    },
  }) as unknown as InstancesResource
}

/** `client.connectors` over the loaded client's. */
export function lazyConnectors(client: Lazy<PlatformClient>): ConnectorsResource {
  return forwarding(client, (made) => made.connectors, [
    'list',
    'keys',
    'get',
    'configuration',
  ]) as unknown as ConnectorsResource
}

/** `client.oauth` over the loaded client's; `complete` makes no request and answers at once. */
export function lazyOAuth(client: Lazy<PlatformClient>): OAuthResource {
  const resource = forwarding(client, (made) => made.oauth, [
    'start',
    'authorizationUrl',
    'requestToken',
  ])
  return Object.assign(resource, {
    complete: completeFlow,
  }) as unknown as OAuthResource
}

/** An instance client over the loaded client's `forInstance(token)`, made once. */
export function lazyInstanceClient(
  client: Lazy<PlatformClient>,
  baseUrl: string,
  token: string,
): InstanceClient {
  const instanceClient = lazy(client.get, (made) => made.forInstance(token))
  const hub = forwarding(instanceClient, (made) => made, ['get', 'post', 'put', 'patch', 'delete'])
  const shown = Object.assign(hub, {
    instance: forwarding(instanceClient, (made) => made.instance, INSTANCE_CALLS),
  })
  showInInspect(shown, `InstanceClient { baseUrl: '${baseUrl}', token: '${MASK}' }`)
  return shown as unknown as InstanceClient
}
