import type { AnyConnector } from '../connector.js'
import { secretKeys } from '../connector-keys.js'
import type { Vocabulary } from '../protocol/vocabulary.js'
import { invalid, type ResolvedOptions } from './options.js'
import type { SecretIndex } from './redact.js'

/**
 * What requests of one client (or instance client) share. Its ky instance is kept apart, in
 * `kyOf` (transport.ts): no ky type reaches a declaration of the client.
 */
export interface Transport {
  /** The base URL, with a trailing slash: request paths are resolved against it. */
  readonly baseUrl: string
  /** The per-attempt timeout in milliseconds. */
  readonly timeout: number
  /** The total time of one call in milliseconds. */
  readonly totalTimeout: number
  /** The largest answer read, in bytes. */
  readonly maxResponseSize: number
  /**
   * The tokens and secret values the client has sent or seen, to redact (one bounded index,
   * shared by a client and its instance clients).
   */
  readonly secrets: SecretIndex
  /** The secrets this transport sends on every call (user, organization, token): always redacted. */
  readonly own: readonly string[]
}

/** What every resource of a client shares. */
export interface Context {
  /** The client's options, checked. */
  readonly options: ResolvedOptions
  /** The transport: the client's own, or an instance client's (with the token). */
  readonly transport: Transport
  /** The wire vocabulary. */
  readonly vocabulary: Vocabulary
  /** Finds an instance's connector by key in the client's registry, if it has one. */
  readonly resolve: (key: string) => AnyConnector | undefined
}

/** One path segment (an id or a key), encoded; refuses what is neither a number nor a string. */
export function segment(argument: string, value: unknown): string {
  const text = String(value)
  if ((typeof value !== 'number' && typeof value !== 'string') || text.trim() === '') {
    invalid(argument, `${argument} must be a number or a non-empty string.`)
  }
  return encodeURIComponent(text)
}

/** The values of a configuration to redact: secret entries' values, or all when unknown. */
export function configurationSecrets(
  configuration: unknown,
  connector: AnyConnector | undefined,
): string[] {
  if (typeof configuration !== 'object' || configuration === null) return []
  const values: string[] = []
  const entries = configuration as Record<string, unknown>
  if (connector === undefined) {
    for (const key of Object.keys(entries)) {
      const value = entries[key]
      if (typeof value === 'string') values.push(value)
    }
    return values
  }
  // The connector's few secret keys, not every entry of the configuration.
  for (const key of secretKeys(connector)) {
    const value = Object.hasOwn(entries, key) ? entries[key] : undefined
    if (typeof value === 'string') values.push(value)
  }
  return values
}

/** A list of strings, or an InvalidArgumentError naming `argument`. */
export function checkStrings(argument: string, value: unknown): readonly string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    invalid(argument, `${argument} must be an array of strings.`)
  }
  return value
}

/** Makes `util.inspect` (and so `console.log`) show `text` for `target`: never a secret. */
export function showInInspect(target: object, text: string): void {
  Object.defineProperty(target, Symbol.for('nodejs.util.inspect.custom'), {
    enumerable: false,
    value: () => text,
  })
}
