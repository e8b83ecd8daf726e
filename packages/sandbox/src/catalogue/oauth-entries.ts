import { OAUTH_RESULT_KEYS } from '../oauth/entries.js'
import { authorisationOfElement, choiceDependentEntries, oauthSideOf } from '../oauth/kind.js'
import type { CatalogueElement } from './catalogue.js'
import type { PlatformConfigEntry } from './describe.js'

/**
 * An OAuth element's entries as provisioning takes them: the entries the platform writes itself
 * when it exchanges the code (`oauth.user.*`, `oauth.token.*`, callback values such as
 * QuickBooks' `quickbooks.realm.id`) become hidden settings, never the caller's to give; the
 * entries only one choice of `authentication.type` requires become optional (the choice
 * requires them at provisioning). Other elements' entries are returned unchanged.
 */
export function entriesForAuthorisation(
  element: CatalogueElement,
  entries: readonly PlatformConfigEntry[],
): PlatformConfigEntry[] {
  const authorisation = authorisationOfElement(element)
  const side = oauthSideOf(authorisation)
  if (side === undefined) return [...entries]
  const written = new Set([
    ...OAUTH_RESULT_KEYS,
    ...side.callbackValues.map((value) => value.entry),
  ])
  const chosen = choiceDependentEntries(authorisation)
  return entries.map((entry) => {
    if (written.has(entry.key)) return { ...entry, required: false, hideFromConsole: true }
    if (chosen.has(entry.key)) return { ...entry, required: false }
    return entry
  })
}
