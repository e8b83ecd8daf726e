import type { AnyConnector } from './connector.js'
import { RegistrationError, UnknownConnectorError } from './errors/registry-errors.js'
import { SPECIFICATION_VERSION } from './specification.js'

/**
 * A set of connectors looked up by key at run time: what the client parses instances with and
 * what the sandbox serves. A {@link Registry} is one.
 *
 * @group Connectors
 */
export interface ConnectorLookup {
  /** Whether a connector is known under `key`. */
  has(key: string): boolean
  /** The connector known under `key` (throws {@link UnknownConnectorError} when there is none). */
  resolve(key: string): AnyConnector
  /** The known keys. */
  keys(): string[]
}

/** Refuses a connector of another specification version, or whose key is taken. */
function checkRegistrable(
  registered: ReadonlyMap<string, AnyConnector>,
  connector: AnyConnector,
): void {
  const version: unknown = connector.specificationVersion
  if (version !== SPECIFICATION_VERSION) {
    const advice =
      typeof version === 'string' && version > SPECIFICATION_VERSION
        ? 'upgrade @plugboard/core to a version that implements it'
        : 'upgrade the connector package to one written for this specification'
    throw new RegistrationError({
      key: connector.key,
      reason: 'unsupported-specification',
      message: `Connector "${connector.key}" implements connector specification ${String(version)}, but this @plugboard/core implements ${SPECIFICATION_VERSION}: ${advice}.`,
    })
  }
  if (registered.has(connector.key)) {
    throw new RegistrationError({
      key: connector.key,
      reason: 'duplicate-key',
      message: `A connector with key "${connector.key}" is already registered; each key may be registered once.`,
    })
  }
}

/**
 * An explicit, typed set of connectors. Immutable: `register` returns a new registry whose type
 * records the added connector under its key, so `get('chargebee')` returns exactly the Chargebee
 * connector's type. Lookups are indexed access on that record: type-check cost grows linearly
 * with the number of connectors.
 *
 * @typeParam Connectors - the registered connectors, by key.
 *
 * @group Provisioning
 */
export class Registry<Connectors extends Record<string, AnyConnector> = Record<never, never>>
  implements ConnectorLookup
{
  readonly #connectors: ReadonlyMap<string, AnyConnector>

  /** @internal Use {@link createRegistry}. */
  constructor(connectors: ReadonlyMap<string, AnyConnector> = new Map()) {
    this.#connectors = connectors
  }

  /**
   * Returns a registry that also holds `connector`.
   *
   * @throws {@link RegistrationError} when the key is taken or the connector implements a
   * specification version this `@plugboard/core` does not.
   */
  register<const C extends AnyConnector>(
    connector: C,
  ): Registry<Connectors & { readonly [K in C['key']]: C }> {
    checkRegistrable(this.#connectors, connector)
    const next = new Map(this.#connectors)
    next.set(connector.key, connector)
    return new Registry(next)
  }

  /**
   * The connector registered under `key`, exactly typed.
   *
   * @throws {@link UnknownConnectorError} listing the known keys.
   */
  get<const K extends keyof Connectors & string>(key: K): Connectors[K] {
    return this.resolve(key) as Connectors[K]
  }

  /**
   * The connector registered under a key only known at run time (user input).
   *
   * @throws {@link UnknownConnectorError} listing the known keys.
   */
  resolve(key: string): Connectors[keyof Connectors] {
    const connector = this.#connectors.get(key)
    if (connector === undefined) throw new UnknownConnectorError({ key, knownKeys: this.keys() })
    return connector as Connectors[keyof Connectors]
  }

  /** Whether a connector is registered under `key`. */
  has(key: string): key is keyof Connectors & string {
    return this.#connectors.has(key)
  }

  /** The registered keys, in registration order. */
  keys(): string[] {
    return [...this.#connectors.keys()]
  }

  /** The registered connectors, in registration order. */
  list(): Connectors[keyof Connectors][] {
    return [...this.#connectors.values()] as Connectors[keyof Connectors][]
  }

  /** The number of registered connectors. */
  get size(): number {
    return this.#connectors.size
  }
}

/**
 * Creates a registry: empty, to fill with `register` calls, or holding a record of connectors by
 * key in one call.
 *
 * Both forms type lookups exactly. For a handful of connectors the `register` chain reads well;
 * for many (dozens to hundreds), pass a record: its type is the record itself, so type-check cost
 * stays linear in the number of connectors, where each `register` call re-intersects every
 * connector registered before it.
 *
 * @throws {@link RegistrationError} when a record key differs from its connector's key, or a
 * connector implements a specification version this `@plugboard/core` does not.
 *
 * @example
 * ```ts
 * import { createRegistry } from '@plugboard/core'
 * import { chargebee } from '@plugboard/connector-chargebee'
 * import { stripe } from '@plugboard/connector-stripe'
 *
 * const registry = createRegistry().register(chargebee).register(stripe)
 * const same = createRegistry({ chargebee, stripe })
 * const connector = registry.get('chargebee') // typed as the Chargebee connector
 * registry.resolve('paypal') // throws UnknownConnectorError: Known connectors: chargebee, stripe.
 * ```
 *
 * @group Provisioning
 */
export function createRegistry(): Registry
export function createRegistry<const Connectors extends Record<string, AnyConnector>>(
  connectors: Connectors,
): Registry<Connectors>
export function createRegistry(
  connectors: Record<string, AnyConnector> = {},
): Registry<Record<string, AnyConnector>> {
  const registered = new Map<string, AnyConnector>()
  for (const [key, connector] of Object.entries(connectors)) {
    if (connector.key !== key) {
      throw new RegistrationError({
        key: connector.key,
        reason: 'key-mismatch',
        message: `The registry entry "${key}" holds the connector "${connector.key}"; list each connector under its own key.`,
      })
    }
    checkRegistrable(registered, connector)
    registered.set(key, connector)
  }
  return new Registry(registered)
}
