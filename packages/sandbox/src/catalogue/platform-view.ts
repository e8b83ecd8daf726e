import {
  type AnyConnector,
  type CatalogueConnector,
  type ConnectorConfigurationEntry,
  type ConnectorDescription,
  configEntries,
} from '@plugboard/core'
import type { CatalogueElement } from './catalogue.js'
import { COMMON_ENTRIES, describeConfiguration, type PlatformConfigEntry } from './describe.js'
import { entriesForAuthorisation } from './oauth-entries.js'

/** The authentication types an element's `authentication` stands for. */
export function authenticationTypes(authentication: string): string[] {
  return authentication === 'basic-or-custom' ? ['basic', 'custom'] : [authentication]
}

/** Whether provisioning the element needs the OAuth flow (`providerData`). */
export function isOauth(element: CatalogueElement): boolean {
  return element.authentication === 'oauth1' || element.authentication === 'oauth2'
}

/**
 * Adds the platform's settings (`base.url`, paging, polling) to described entries, as hidden
 * entries with their default value; a common entry (events, null filtering) takes the value given
 * for it instead of the platform-wide one.
 */
function withSettings(
  own: readonly PlatformConfigEntry[],
  settings: Readonly<Record<string, string | null>>,
): PlatformConfigEntry[] {
  const keys = new Set(own.map((entry) => entry.key))
  const common = new Map(COMMON_ENTRIES.map((entry) => [entry.key, entry]))
  const result = own.map((entry) =>
    common.has(entry.key) && Object.hasOwn(settings, entry.key)
      ? { ...entry, defaultValue: settings[entry.key] ?? null }
      : entry,
  )
  for (const [key, value] of Object.entries(settings).sort(([a], [b]) => a.localeCompare(b))) {
    if (keys.has(key) || common.has(key)) continue
    result.push({
      key,
      name: key,
      type: /url|configuration/.test(key) ? 'TEXTFIELD_1000' : 'TEXTFIELD_128',
      required: false,
      defaultValue: value,
      description: 'A platform setting of this connector (from its sample instance).',
      hideFromConsole: true,
    })
  }
  return result
}

/** A catalogued element as the platform describes it: its descriptor fields and configuration. */
export function describeElement(element: CatalogueElement): ConnectorDescription {
  return {
    connector: {
      id: element.id,
      key: element.key,
      name: element.name,
      description: `${element.name} API`,
      hub: element.hub ?? 'general',
      typeOauth: isOauth(element),
      authentication: { type: authenticationTypes(element.authentication)[0] ?? 'basic' },
    },
    configuration: withSettings(
      entriesForAuthorisation(element, describeConfiguration(element)),
      element.platformDefaults,
    ),
  }
}

/**
 * A connector package's configuration as the platform describes it: the package's schema (its
 * required entries, secrets and descriptions) first, then its defaults as settings. Names come from
 * the catalogue where it lists the entry.
 */
export function describePackage(
  connector: AnyConnector,
  element: CatalogueElement | undefined,
): ConnectorConfigurationEntry[] {
  const catalogued = new Map(
    element === undefined ? [] : describeConfiguration(element).map((entry) => [entry.key, entry]),
  )
  const own = configEntries(connector.config).map((entry): PlatformConfigEntry => {
    const known = catalogued.get(entry.key)
    return {
      key: entry.key,
      name: known?.name ?? entry.key,
      type: entry.secret ? 'PASSWORD' : (known?.type ?? 'TEXTFIELD_128'),
      required: entry.required,
      defaultValue: null,
      description: entry.description,
      hideFromConsole: false,
    }
  })
  const withCommon = [
    ...own,
    ...COMMON_ENTRIES.filter((entry) => !own.some((other) => other.key === entry.key)),
  ]
  return withSettings(withCommon, connector.defaults)
}

/** A catalogue item of `GET /elements`: a package's descriptor where one exists, else the element's. */
export function catalogueItem(
  element: CatalogueElement | undefined,
  connector: AnyConnector | undefined,
): CatalogueConnector {
  if (connector !== undefined) {
    const { descriptor } = connector
    return {
      id: descriptor.id,
      key: descriptor.key,
      name: descriptor.name,
      hub: descriptor.hub,
      authentication: { type: descriptor.authentication.type },
      typeOauth: descriptor.typeOauth,
    }
  }
  const described = describeElement(element as CatalogueElement).connector
  return {
    id: described.id,
    key: described.key,
    name: described.name,
    hub: element?.hub ?? null,
    authentication: { type: element?.authentication ?? 'basic' },
    typeOauth: described.typeOauth ?? false,
  }
}
