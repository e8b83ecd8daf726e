import { type AnyConnector, type ConnectorLookup, connectorFromDescription } from '@plugboard/core'
import type { Catalogue, CatalogueElement } from './catalogue.js'
import { describeElement } from './platform-view.js'

/** A connector lookup that also serves every catalogued connector without a package. */
export interface CatalogueLookup extends ConnectorLookup {
  /** The connector packages' lookup, on its own. */
  readonly packages: ConnectorLookup
  /** The catalogue behind it. */
  readonly catalogue: Catalogue
  /** The package connector for `keyOrId` (its key, or its descriptor's numeric id), if any. */
  packageOf(keyOrId: string): AnyConnector | undefined
  /** The catalogued element for `keyOrId` (key or the sandbox's id), if any. */
  elementOf(keyOrId: string): CatalogueElement | undefined
}

/**
 * Serves the registered connector packages first and every other catalogued connector as a
 * connector built from its catalogue description (`connectorFromDescription`): required entries
 * are named when missing, unknown entries refused. A package takes precedence over the catalogue.
 */
export function withCatalogue(packages: ConnectorLookup, catalogue: Catalogue): CatalogueLookup {
  const built = new Map<string, AnyConnector>()
  const packageOf = (keyOrId: string): AnyConnector | undefined => {
    if (packages.has(keyOrId)) return packages.resolve(keyOrId)
    if (!/^[0-9]+$/.test(keyOrId)) return undefined
    const key = packages.keys().find((k) => String(packages.resolve(k).descriptor.id) === keyOrId)
    return key === undefined ? undefined : packages.resolve(key)
  }
  const fromCatalogue = (key: string): AnyConnector | undefined => {
    let connector = built.get(key)
    if (connector === undefined) {
      const element = catalogue.get(key)
      if (element === undefined || element.key !== key) return undefined
      connector = connectorFromDescription(describeElement(element))
      built.set(key, connector)
    }
    return connector
  }
  return {
    packages,
    catalogue,
    packageOf,
    elementOf: (keyOrId) => catalogue.get(keyOrId),
    has: (key) => packages.has(key) || catalogue.get(key)?.key === key,
    resolve: (key) =>
      (packages.has(key) ? packages.resolve(key) : fromCatalogue(key)) ?? packages.resolve(key),
    // The packages' keys: what the sandbox lists as its own connectors (hubs, unknown-key errors).
    keys: () => packages.keys(),
  }
}
