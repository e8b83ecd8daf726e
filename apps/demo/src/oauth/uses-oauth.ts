import { type AnyConnector, authorizationFor, oauthAuthorizationOf } from '@plugboard/core'

/**
 * Whether provisioning `connector` with these `--set` values goes through the OAuth consent step:
 * an OAuth connector, or a connector whose authorisation is a choice (`authentication.type`) that
 * the values leave to OAuth (by choosing it, or by not choosing: OAuth is then the default).
 */
export function usesOAuth(connector: AnyConnector, set: readonly string[]): boolean {
  const oauth = oauthAuthorizationOf(connector)
  if (oauth === undefined) return false
  if (oauth.choice === undefined) return true
  const entry = connector.authorization?.kind === 'choice' ? connector.authorization.entry : ''
  const given = set.find((value) => value.startsWith(`${entry}=`))
  if (given === undefined) return true
  const chosen = authorizationFor(connector, { [entry]: given.slice(entry.length + 1) })
  // An unknown choice takes the configuration path, whose validation names the known ones.
  return chosen !== undefined && chosen.kind !== 'configuration'
}
