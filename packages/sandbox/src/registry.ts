import { createRequire } from 'node:module'
import type { ChargebeeConnector } from '@plugboard/connector-chargebee'
import type { ChargifyConnector } from '@plugboard/connector-chargify'
import type { StripeConnector } from '@plugboard/connector-stripe'
import { createRegistry, type Registry } from '@plugboard/core'

/** The connectors {@link createDefaultRegistry} holds, by key. */
export type DefaultConnectors = {
  /** The Chargebee connector. */
  readonly chargebee: ChargebeeConnector
  /** The Stripe connector. */
  readonly stripe: StripeConnector
  /** The Chargify connector. */
  readonly chargify: ChargifyConnector
}

/** The type of the registry {@link createDefaultRegistry} builds. */
export type DefaultRegistry = Registry<DefaultConnectors>

// The connector packages are optional peer dependencies: an app installs the ones it uses and
// passes its own registry. Only the default registry needs all of them, so it loads them when
// called (Node loads these ES modules synchronously).
const load = createRequire(import.meta.url)
const PACKAGES = {
  chargebee: '@plugboard/connector-chargebee',
  stripe: '@plugboard/connector-stripe',
  chargify: '@plugboard/connector-chargify',
} as const

function loadConnectors(): DefaultConnectors {
  const loaded: Partial<Record<keyof DefaultConnectors, unknown>> = {}
  const missing: string[] = []
  for (const [key, name] of Object.entries(PACKAGES) as [keyof DefaultConnectors, string][]) {
    try {
      loaded[key] = (load(name) as Record<string, unknown>)[key]
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'MODULE_NOT_FOUND') throw error
      missing.push(name)
    }
  }
  if (missing.length > 0) {
    throw new Error(
      `The default registry serves every connector plugboard ships; install ${missing.join(', ')}, or pass a registry of the connectors you use.`,
    )
  }
  return loaded as DefaultConnectors
}

/**
 * The registry the `plugboard-sandbox` bin serves when none is given: every connector package
 * plugboard ships (Chargebee, Stripe, Chargify). They are optional peer dependencies of the
 * sandbox: without one of them installed this throws, naming the missing packages.
 *
 * @example
 * ```ts
 * const sandbox = createSandbox({ registry: createDefaultRegistry() })
 * ```
 */
export function createDefaultRegistry(): DefaultRegistry {
  const { chargebee, stripe, chargify } = loadConnectors()
  return createRegistry().register(chargebee).register(stripe).register(chargify)
}
