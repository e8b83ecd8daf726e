import type { AnyConnector } from '@plugboard/core'
import {
  type Authorisation,
  type AuthorisationChoice,
  type CallbackValue,
  callbackValuesOf,
  type OAuthFlow,
  shippedAuthorisation,
} from './kind.js'

/**
 * A connector's own declaration of how it authorises, as `@plugboard/core`'s connector
 * specification writes it (`connector.authorization`). Read structurally: a connector built
 * against a core without the field simply has none.
 */
type Declared =
  | { readonly kind: 'configuration' }
  | {
      readonly kind: OAuthFlow
      readonly urlParameters?: readonly string[] | undefined
      readonly callbackValues?: readonly string[] | undefined
    }
  | {
      readonly kind: 'choice'
      readonly entry: string
      readonly choices: Readonly<
        Record<string, { readonly authorization: Declared; readonly requires: readonly string[] }>
      >
    }

function declaredOf(connector: AnyConnector): Declared | undefined {
  const declared = (connector as { readonly authorization?: unknown }).authorization
  if (typeof declared !== 'object' || declared === null) return undefined
  const kind = (declared as { kind?: unknown }).kind
  return kind === 'configuration' || kind === 'oauth2' || kind === 'oauth1' || kind === 'choice'
    ? (declared as Declared)
    : undefined
}

/** Whether a declaration says more than its kind (a bare kind is what a catalogue description gives). */
function isDetailed(declared: Declared): boolean {
  if (declared.kind === 'choice') return true
  if (declared.kind === 'configuration') return false
  return declared.urlParameters !== undefined || declared.callbackValues !== undefined
}

function callbackValues(key: string, names: readonly string[] | undefined): CallbackValue[] {
  const known = callbackValuesOf(key)
  return (names ?? []).flatMap((name) => known.filter((value) => value.parameter === name))
}

function single(key: string, declared: Declared, fallback: Authorisation): Authorisation {
  if (declared.kind === 'configuration' || declared.kind === 'choice')
    return { kind: 'configuration' }
  const known = fallback.kind === declared.kind ? fallback : undefined
  return {
    kind: declared.kind,
    urlParameters: declared.urlParameters ?? known?.urlParameters ?? [],
    callbackValues:
      declared.callbackValues === undefined
        ? (known?.callbackValues ?? [])
        : callbackValues(key, declared.callbackValues),
  }
}

const cache = new WeakMap<AnyConnector, Authorisation>()

/**
 * How a connector authorises: its own detailed declaration (`connector.authorization`: a
 * package's) where it has one, else what the catalogue says of its key, else the bare kind it
 * declares (a connector built from a description), else configuration only. The one place the
 * sandbox learns it.
 */
export function authorisationOfConnector(connector: AnyConnector): Authorisation {
  let found = cache.get(connector)
  if (found !== undefined) return found
  const declared = declaredOf(connector)
  const shipped = shippedAuthorisation(connector.key)
  if (declared === undefined || (!isDetailed(declared) && shipped.kind !== 'configuration')) {
    found = shipped
  } else if (declared.kind !== 'choice') {
    found = single(connector.key, declared, shipped)
  } else {
    const choices: Record<string, AuthorisationChoice> = {}
    let oauth: Extract<Authorisation, { kind: OAuthFlow }> | undefined
    let defaultChoice: string | undefined
    for (const [name, option] of Object.entries(declared.choices)) {
      const mapped = single(connector.key, option.authorization, shipped)
      const flow = mapped.kind === 'oauth2' || mapped.kind === 'oauth1' ? mapped : undefined
      choices[name] = { flow: flow?.kind, requires: option.requires }
      if (flow !== undefined && oauth === undefined) {
        oauth = flow
        defaultChoice = name
      }
    }
    found =
      oauth === undefined || defaultChoice === undefined
        ? { kind: 'configuration' }
        : { kind: 'choice', entry: declared.entry, defaultChoice, choices, oauth }
  }
  cache.set(connector, found)
  return found
}
