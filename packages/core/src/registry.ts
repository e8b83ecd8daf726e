import type { AnyConnector } from './connector.js'
import { RegistrationError, UnknownConnectorError } from './errors.js'
import { SPECIFICATION_VERSION } from './specification.js'

/**
 * An explicit, typed set of connectors. Immutable: `register` returns a new registry whose type
 * records the added connector under its key, so `get('chargebee')` returns exactly the Chargebee
 * connector's type. Lookups are indexed access on that record: type-check cost grows linearly
 * with the number of connectors.
 *
 * @typeParam Connectors - the registered connectors, by key.
 */
export class Registry<Connectors extends Record<string, AnyConnector> = Record<never, never>> {
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
    const version: unknown = connector.specificationVersion
    if (version !== SPECIFICATION_VERSION) {
      const advice =
        typeof version === 'string' && version > SPECIFICATION_VERSION
          ? 'upgrade @plugboard/core to a version that implements it'
          : 'upgrade the connector package to one written for this specification'
      throw new RegistrationError(
        connector.key,
        'unsupported-specification',
        `Connector "${connector.key}" implements connector specification ${String(version)}, but this @plugboard/core implements ${SPECIFICATION_VERSION}: ${advice}.`,
      )
    }
    if (this.#connectors.has(connector.key)) {
      throw new RegistrationError(
        connector.key,
        'duplicate-key',
        `A connector with key "${connector.key}" is already registered; each key may be registered once.`,
      )
    }
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
    if (connector === undefined) throw new UnknownConnectorError(key, this.keys())
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
 * Creates a registry, optionally holding the given connectors.
 *
 * @example
 * ```ts
 * import { createRegistry } from '@plugboard/core'
 * import { chargebee } from '@plugboard/connector-chargebee'
 *
 * const registry = createRegistry().register(chargebee)
 * const connector = registry.get('chargebee') // typed as the Chargebee connector
 * registry.resolve('stripe') // throws UnknownConnectorError: Known connectors: chargebee.
 * ```
 */
export function createRegistry(): Registry {
  return new Registry()
}
