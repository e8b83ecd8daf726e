import type { Authorization, OAuthUrlParameter, SingleAuthorization } from '@plugboard/core'

/** What the catalogue records of how a connector authorises (`shared/catalogue/README.md`). */
export interface CatalogueAuthorisation {
  /** `basic`, `custom`, `oauth2`, `oauth1` or `basic-or-custom`. */
  readonly authentication: string
  /** For OAuth connectors: the query parameters of the authorisation URL. */
  readonly oauth?: { readonly urlQueryParameters: readonly string[] } | undefined
}

/** A value the vendor adds to its OAuth callback, and the entry the platform keeps it in. */
interface CallbackValue {
  readonly parameter: string
  readonly entry: string
}

/**
 * What `shared/spec/oauth.md` says of a connector beyond its catalogue page: the values its
 * vendor adds to the callback, the URL parameters where the page's list is another flow's, and
 * the choice of `authentication.type` with the entries each choice alone requires.
 */
interface OAuthFacts {
  readonly callbackValues?: readonly CallbackValue[]
  readonly urlParameters?: readonly OAuthUrlParameter[]
  readonly choice?: {
    readonly entry: string
    readonly choices: Readonly<
      Record<string, { readonly oauth: boolean; readonly requires: readonly string[] }>
    >
  }
}

const OAUTH_APP_ENTRIES = ['oauth.api.key', 'oauth.api.secret', 'oauth.callback.url'] as const

const FACTS: Readonly<Record<string, OAuthFacts>> = {
  hubspotcrm: {
    choice: {
      entry: 'authentication.type',
      choices: {
        oauth2: { oauth: true, requires: OAUTH_APP_ENTRIES },
        apiKey: { oauth: false, requires: ['hubspot.authorization.apikey'] },
      },
    },
  },
  // OAuth 1.0a: a request-token step and realmId on the callback; the page's URL parameters are
  // those of Intuit's OAuth 2.0 flow.
  quickbooks: {
    urlParameters: [],
    callbackValues: [{ parameter: 'realmId', entry: 'quickbooks.realm.id' }],
  },
}

const URL_PARAMETERS: ReadonlySet<string> = new Set<OAuthUrlParameter>([
  'scope',
  'state',
  'siteAddress',
])

/**
 * The configuration entries the platform writes on an OAuth instance when it exchanges the grant
 * (`shared/spec/oauth.md`): never the caller's to give, optional in the returned configuration.
 */
export const OAUTH_RESULT_ENTRIES: Readonly<Record<'oauth1' | 'oauth2', readonly string[]>> = {
  oauth2: [
    'oauth.user.token',
    'oauth.user.refresh_token',
    'oauth.user.refresh_time',
    'oauth.user.refresh_interval',
    'oauth.token.refresh_url',
    'oauth.token.revoke_url',
  ],
  oauth1: [
    'oauth.user.token',
    'oauth.user.token.secret',
    'oauth.user.refresh_time',
    'oauth.user.refresh_interval',
  ],
}

/**
 * How connector `key` authorises, from its catalogue page and the OAuth facts the page lacks:
 * `undefined` for a connector that authorises with its configuration alone. `required` lists the
 * entries the platform's description requires, the choosing entry and those of each choice aside
 * (every choice requires them too).
 */
export function authorizationOf(
  key: string,
  catalogued: CatalogueAuthorisation,
  required: readonly string[],
): Authorization | undefined {
  const flow = catalogued.authentication
  if (flow !== 'oauth2' && flow !== 'oauth1') return undefined
  const facts = FACTS[key] ?? {}
  const urlParameters =
    facts.urlParameters ??
    (catalogued.oauth?.urlQueryParameters ?? []).filter((name): name is OAuthUrlParameter =>
      URL_PARAMETERS.has(name),
    )
  const callbackValues = (facts.callbackValues ?? []).map((value) => value.parameter)
  const oauth: SingleAuthorization =
    callbackValues.length === 0
      ? { kind: flow, urlParameters }
      : { kind: flow, urlParameters, callbackValues }
  const { choice } = facts
  if (choice === undefined) return oauth
  const chosen = new Set([
    choice.entry,
    ...Object.values(choice.choices).flatMap((c) => c.requires),
  ])
  const common = required.filter((entry) => !chosen.has(entry))
  return {
    kind: 'choice',
    entry: choice.entry,
    choices: Object.fromEntries(
      Object.entries(choice.choices).map(([value, option]) => [
        value,
        {
          authorization: option.oauth ? oauth : { kind: 'configuration' },
          requires: [...option.requires, ...common],
        },
      ]),
    ),
  }
}

/** The entries the platform writes itself on an instance of an OAuth connector. */
export function platformWrittenEntries(
  key: string,
  authorization: Authorization | undefined,
): string[] {
  const flow = oauthFlowOf(authorization)
  if (flow === undefined) return []
  return [...OAUTH_RESULT_ENTRIES[flow], ...(FACTS[key]?.callbackValues ?? []).map((v) => v.entry)]
}

/** The entries only one choice requires (optional in the returned configuration). */
export function choiceEntries(authorization: Authorization | undefined): Set<string> {
  if (authorization?.kind !== 'choice') return new Set()
  const lists = Object.values(authorization.choices).map((option) => option.requires)
  return new Set(lists.flat().filter((entry) => !lists.every((list) => list.includes(entry))))
}

/** The OAuth flow of an authorisation (its own, or its OAuth choice's), if it has one. */
export function oauthFlowOf(
  authorization: Authorization | undefined,
): 'oauth1' | 'oauth2' | undefined {
  if (authorization === undefined || authorization.kind === 'configuration') return undefined
  if (authorization.kind !== 'choice') return authorization.kind
  for (const option of Object.values(authorization.choices)) {
    if (option.authorization.kind !== 'configuration') return option.authorization.kind
  }
  return undefined
}

/** The OAuth URL parameters of an authorisation, if it has an OAuth side. */
export function urlParametersOf(
  authorization: Authorization | undefined,
): readonly OAuthUrlParameter[] {
  if (authorization === undefined || authorization.kind === 'configuration') return []
  if (authorization.kind !== 'choice') return authorization.urlParameters ?? []
  for (const option of Object.values(authorization.choices)) {
    if (option.authorization.kind !== 'configuration')
      return option.authorization.urlParameters ?? []
  }
  return []
}

/** An authorisation as TypeScript source (biome formats it). */
export function renderAuthorization(authorization: Authorization): string {
  return JSON.stringify(authorization)
    .replace(/"([A-Za-z_$][\w$]*)":/g, '$1:')
    .replace(/"/g, "'")
}
