import { type Catalogue, type CatalogueElement, loadCatalogue } from '../catalogue/catalogue.js'

/** The OAuth flows the sandbox's stand-in vendor runs. */
export type OAuthFlow = 'oauth2' | 'oauth1'

/** A value the vendor adds to the callback that the instance keeps in one of its entries. */
export interface CallbackValue {
  /** The callback's query parameter, e.g. `realmId`. */
  readonly parameter: string
  /** The configuration entry that keeps it, e.g. `quickbooks.realm.id`. */
  readonly entry: string
}

/** How one choice of `authentication.type` authorises. */
export interface AuthorisationChoice {
  /** The OAuth flow the choice runs, or `undefined` for configuration only. */
  readonly flow: OAuthFlow | undefined
  /** The entries the choice requires (and the others do not). */
  readonly requires: readonly string[]
}

/**
 * How a connector authorises: with its configuration only, through an OAuth flow (2.0, or 1.0a
 * with its request-token step), or as `authentication.type` chooses.
 */
export type Authorisation =
  | { readonly kind: 'configuration' }
  | {
      readonly kind: OAuthFlow
      /** The authorisation URL's optional query parameters the connector takes. */
      readonly urlParameters: readonly string[]
      /** What the vendor adds to the callback and the instance keeps. */
      readonly callbackValues: readonly CallbackValue[]
    }
  | {
      readonly kind: 'choice'
      /** The entry that chooses: `authentication.type`. */
      readonly entry: string
      /** The choice when the entry is not given. */
      readonly defaultChoice: string
      /** Each value of the entry and how it authorises. */
      readonly choices: Readonly<Record<string, AuthorisationChoice>>
      /** The OAuth choice's URL parameters and callback values. */
      readonly oauth: Extract<Authorisation, { kind: OAuthFlow }>
    }

/** What one provisioning runs: the flow, and the entries its choice requires. */
export interface ChosenAuthorisation {
  readonly flow: OAuthFlow | undefined
  readonly requires: readonly string[]
  /** The OAuth description of the flow (URL parameters, callback values), when there is one. */
  readonly oauth: Extract<Authorisation, { kind: OAuthFlow }> | undefined
}

const OAUTH_ENTRIES = ['oauth.api.key', 'oauth.api.secret', 'oauth.callback.url'] as const

/** Connectors whose `authentication.type` is a choice (`../shared/spec/oauth.md`). */
const CHOICES: Readonly<Record<string, Readonly<Record<string, AuthorisationChoice>>>> = {
  hubspotcrm: {
    oauth2: { flow: 'oauth2', requires: OAUTH_ENTRIES },
    apiKey: { flow: undefined, requires: ['hubspot.authorization.apikey'] },
  },
  hubspot: {
    oauth2: { flow: 'oauth2', requires: OAUTH_ENTRIES },
    apiKey: { flow: undefined, requires: ['hubspot.authorization.apikey'] },
  },
}

/** Callback values vendors add that the platform keeps (`../shared/spec/oauth.md`). */
const CALLBACK_VALUES: Readonly<Record<string, readonly CallbackValue[]>> = {
  quickbooks: [{ parameter: 'realmId', entry: 'quickbooks.realm.id' }],
}

/** What the vendor of connector `key` adds to its callback that the instance keeps. */
export function callbackValuesOf(key: string): readonly CallbackValue[] {
  return CALLBACK_VALUES[key] ?? []
}

/** The optional URL parameters of the flow (the three required ones are every connector's). */
const OPTIONAL_URL_PARAMETERS = new Set(['scope', 'state', 'siteAddress', 'requestToken'])

const CONFIGURATION_ONLY: Authorisation = { kind: 'configuration' }

/**
 * How a catalogued connector authorises, derived from its catalogue entry: the one place the
 * sandbox learns it. (When `@plugboard/core`'s connector specification declares the authorisation
 * kind, this is where a package's declaration is to be read first.)
 */
export function authorisationOfElement(element: CatalogueElement | undefined): Authorisation {
  if (element === undefined) return CONFIGURATION_ONLY
  const flow = element.authentication
  if (flow !== 'oauth2' && flow !== 'oauth1') return CONFIGURATION_ONLY
  const oauth = {
    kind: flow,
    urlParameters: (element.oauth?.urlQueryParameters ?? []).filter((name) =>
      OPTIONAL_URL_PARAMETERS.has(name),
    ),
    callbackValues: CALLBACK_VALUES[element.key] ?? [],
  } as const
  const choices = CHOICES[element.key]
  if (choices === undefined) return oauth
  return { kind: 'choice', entry: 'authentication.type', defaultChoice: flow, choices, oauth }
}

/** The authorisation of the connector `key`, from the catalogue. */
export function authorisationOf(catalogue: Catalogue, key: string): Authorisation {
  const element = catalogue.get(key)
  return authorisationOfElement(element?.key === key ? element : undefined)
}

let shipped: { catalogue: Catalogue; known: Map<string, Authorisation> } | undefined

/**
 * How the connector `key` authorises, from the catalogue the sandbox ships (computed once per
 * key). A key the catalogue lacks authorises with its configuration only.
 */
export function shippedAuthorisation(key: string): Authorisation {
  shipped ??= { catalogue: loadCatalogue(), known: new Map() }
  let found = shipped.known.get(key)
  if (found === undefined) {
    found = authorisationOf(shipped.catalogue, key)
    shipped.known.set(key, found)
  }
  return found
}

/** The OAuth side of an authorisation (its only flow, or its OAuth choice), if it has one. */
export function oauthSideOf(
  authorisation: Authorisation,
): Extract<Authorisation, { kind: OAuthFlow }> | undefined {
  if (authorisation.kind === 'configuration') return undefined
  return authorisation.kind === 'choice' ? authorisation.oauth : authorisation
}

/**
 * What a provisioning with `configuration` runs. For a choice, the entry's value picks it (the
 * default choice when absent); an unknown value is reported as `unknownChoice`.
 */
export function chooseAuthorisation(
  authorisation: Authorisation,
  configuration: Readonly<Record<string, unknown>>,
): ChosenAuthorisation | { readonly unknownChoice: string; readonly known: readonly string[] } {
  switch (authorisation.kind) {
    case 'configuration':
      return { flow: undefined, requires: [], oauth: undefined }
    case 'oauth2':
    case 'oauth1':
      return { flow: authorisation.kind, requires: OAUTH_ENTRIES, oauth: authorisation }
    case 'choice': {
      const given = configuration[authorisation.entry]
      const value = given === undefined || given === null || given === '' ? undefined : given
      const name = value === undefined ? authorisation.defaultChoice : String(value)
      const choice = Object.hasOwn(authorisation.choices, name)
        ? authorisation.choices[name]
        : undefined
      if (choice === undefined) {
        return { unknownChoice: name, known: Object.keys(authorisation.choices) }
      }
      return {
        flow: choice.flow,
        requires: choice.requires,
        oauth: choice.flow === undefined ? undefined : authorisation.oauth,
      }
    }
  }
}

/**
 * The entries some choice requires and another does not: the catalogue's description leaves
 * them optional, and provisioning requires them by the choice made.
 */
export function choiceDependentEntries(authorisation: Authorisation): ReadonlySet<string> {
  if (authorisation.kind !== 'choice') return new Set()
  return new Set([
    authorisation.entry,
    ...Object.values(authorisation.choices).flatMap((choice) => choice.requires),
  ])
}
