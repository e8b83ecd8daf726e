import data from './elements.json' with { type: 'json' }

/** How a connector authorises, as the catalogue records it. */
export type CatalogueAuthentication = 'basic' | 'custom' | 'oauth2' | 'oauth1' | 'basic-or-custom'

/** One configuration entry of a catalogued connector. */
export interface CatalogueEntryConfig {
  /** The configuration key, as sent when provisioning. */
  readonly key: string
  /** Whether provisioning needs it (`requiredSource` says how sure that is). */
  readonly required: boolean
  /** `table` (the page's parameter table) or `heuristic` (it appears in the sample request). */
  readonly requiredSource?: string
  /** Whether the value is a secret (from its name and placeholder: a heuristic). */
  readonly secret: boolean
  /** The page's placeholder, e.g. `<INSERT_ABBYY_APPLICATION_NAME>`. */
  readonly example?: string | null
  /** The page's label for it, where it gives one. */
  readonly label?: string | null
  /** Its default value, where the page gives one. */
  readonly default?: string | null
}

/** A connector the platform documents, as the sandbox ships it. */
export interface CatalogueElement {
  /** The sandbox's own numeric id: stable across restarts and releases. */
  readonly id: number
  /** The connector key. */
  readonly key: string
  /** The display name. */
  readonly name: string
  /** The hub (`payment`, `crm`, …), or `null` where the page does not say. */
  readonly hub: string | null
  /** How it authenticates, as its page states or suggests. */
  readonly authentication: CatalogueAuthentication
  /** Its configuration entries, in the page's order. */
  readonly configuration: readonly CatalogueEntryConfig[]
  /** The entries the platform adds to a new instance's configuration, with their values. */
  readonly platformDefaults: Readonly<Record<string, string | null>>
  /** For OAuth connectors: the authorisation URL's query parameters and the request-token step. */
  readonly oauth?: {
    /** The authorisation URL's query parameters. */
    readonly urlQueryParameters: readonly string[]
    /** Whether the flow has an OAuth 1 request-token step. */
    readonly requestTokenStep: boolean
  }
  /** How its events can arrive, where the page says. */
  readonly eventVendorTypes?: readonly string[]
}

/** A filter over the catalogue; every given condition must hold. */
export interface CatalogueFilter {
  readonly hub?: string | undefined
  readonly authentication?: string | undefined
  /** Case-insensitive text found in the key or the name. */
  readonly text?: string | undefined
}

/** The platform's documented connectors, searchable by key, id, hub, authentication and text. */
export interface Catalogue {
  /** Where the data comes from. */
  readonly source: string
  /** Every element, in key order. */
  readonly elements: readonly CatalogueElement[]
  /** The element with this key, or this numeric id given as digits; `undefined` when unknown. */
  get(keyOrId: string): CatalogueElement | undefined
  /** The elements that match every condition of `filter`, in key order. */
  search(filter: CatalogueFilter): readonly CatalogueElement[]
}

/** Builds the catalogue over the shipped data (`elements.json`, with its source). */
export function loadCatalogue(): Catalogue {
  const elements = data.elements as unknown as readonly CatalogueElement[]
  const byKey = new Map(elements.map((element) => [element.key, element]))
  const byId = new Map(elements.map((element) => [String(element.id), element]))
  return {
    source: data.source,
    elements,
    get: (keyOrId) => byKey.get(keyOrId) ?? byId.get(keyOrId),
    search(filter) {
      const text = filter.text?.toLowerCase()
      return elements.filter(
        (element) =>
          (filter.hub === undefined || element.hub === filter.hub) &&
          (filter.authentication === undefined ||
            element.authentication === filter.authentication) &&
          (text === undefined ||
            element.key.toLowerCase().includes(text) ||
            element.name.toLowerCase().includes(text)),
      )
    },
  }
}
