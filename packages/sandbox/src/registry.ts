import { createRequire } from 'node:module'
import { createRegistry, type Registry } from '@plugboard/core'
import type { ShippedConnectors } from './shipped-connectors.js'

/** The type of the registry {@link createDefaultRegistry} builds. */
export type DefaultRegistry = Registry<ShippedConnectors>

// The connector packages are optional peer dependencies: an app installs the ones it uses and
// passes its own registry. Only the default registry needs all of them, so it loads the shipped
// list (its own entry, `@plugboard/sandbox/shipped-connectors`) when called, after checking that
// every connector package the sandbox names as a peer is installed (Node loads these ES modules
// synchronously).
const load = createRequire(import.meta.url)

function missingConnectorPackages(): string[] {
  const manifest = load('@plugboard/sandbox/package.json') as {
    peerDependencies?: Record<string, string>
  }
  return Object.keys(manifest.peerDependencies ?? {})
    .filter((name) => name.startsWith('@plugboard/connector-'))
    .filter((name) => {
      try {
        load.resolve(name)
        return false
      } catch {
        return true
      }
    })
}

/**
 * The registry the `plugboard-sandbox` bin serves when none is given: every connector package
 * plugboard ships (`shippedConnectors`). They are optional peer dependencies of the sandbox:
 * without one of them installed this throws, naming every missing package.
 *
 * @example
 * ```ts
 * const sandbox = createSandbox({ registry: createDefaultRegistry() })
 * ```
 */
export function createDefaultRegistry(): DefaultRegistry {
  const missing = missingConnectorPackages()
  if (missing.length > 0) {
    throw new Error(
      `The default registry serves every connector plugboard ships; install ${missing.join(', ')}, or pass a registry of the connectors you use.`,
    )
  }
  const { shippedConnectors } = load('@plugboard/sandbox/shipped-connectors') as {
    shippedConnectors: ShippedConnectors
  }
  return createRegistry(shippedConnectors)
}
