/**
 * The options every plugboard error accepts.
 *
 * @group Errors
 */
export interface PlugboardErrorOptions {
  /** The underlying error, when there is one that holds no secret. */
  readonly cause?: unknown
}

/**
 * The brand of an error class: a `Symbol.for` key, so that every copy of `@plugboard/core`
 * agrees on it. Read from a static getter (never a static field), so that defining a class has no
 * side effect and a bundler can drop the classes an app never uses.
 *
 * @group Errors
 */
export function brandOf(name: string): symbol {
  return Symbol.for(`${prefix}${name}`)
}

const prefix = '@plugboard/core/'

/**
 * The base class of every error plugboard throws. Every class carries a `Symbol.for` brand, so
 * `X.isInstance(error)` works even when an app ends up with two copies of `@plugboard/core`
 * (where `instanceof` would not). No message, property or `util.inspect` output holds a secret.
 *
 * @group Errors
 */
export class PlugboardError extends Error {
  /** The brand that marks instances of this class across package copies. */
  static get brand(): symbol {
    return brandOf('PlugboardError')
  }

  /**
   * Tells whether `value` is an instance of this class (or a subclass), even when it was thrown
   * by another copy of `@plugboard/core`.
   *
   * @example
   * ```ts
   * try {
   *   await client.provision(chargebee, request)
   * } catch (error) {
   *   if (ConfigurationError.isInstance(error)) console.error(error.missing)
   * }
   * ```
   */
  static isInstance<T extends abstract new (...args: never[]) => PlugboardError>(
    this: T & { readonly brand: symbol },
    value: unknown,
  ): value is InstanceType<T> {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[this.brand] === true
    )
  }

  /** Whether the same call may succeed if it is made again. */
  readonly isRetryable: boolean = false

  constructor(message: string, options: PlugboardErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    // The class's name, read from its brand: it survives minification, unlike `new.target.name`.
    this.name = (new.target.brand.description ?? '').slice(prefix.length)
    // Brand the instance with every class of its chain, so each class's isInstance answers.
    for (
      let ctor: unknown = new.target;
      typeof ctor === 'function' && 'brand' in ctor;
      ctor = Object.getPrototypeOf(ctor)
    ) {
      Object.defineProperty(this, (ctor as { brand: symbol }).brand, { value: true })
    }
  }
}
