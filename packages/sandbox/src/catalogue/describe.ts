import type { CatalogueElement, CatalogueEntryConfig } from './catalogue.js'

/** A configuration entry as the platform describes it (`GET /elements/{keyOrId}/configuration`). */
export interface PlatformConfigEntry {
  readonly key: string
  readonly name: string
  /** `PASSWORD` (masked in answers), `BOOLEAN`, or `TEXTFIELD_<max length>`. */
  readonly type: string
  readonly required: boolean
  readonly defaultValue: string | null
  readonly description: string
  readonly hideFromConsole: boolean
}

/** The entries every instance holds besides its connector's, with the platform's defaults. */
export const COMMON_ENTRIES: readonly PlatformConfigEntry[] = [
  entry(
    'event.notification.enabled',
    'Events Enabled',
    'BOOLEAN',
    'false',
    'Whether the instance sends event notifications to the callback URL.',
  ),
  entry(
    'event.vendor.type',
    'Event Type',
    'TEXTFIELD_32',
    null,
    '"polling" or "webhook": how changes at the vendor are found.',
  ),
  entry(
    'event.notification.callback.url',
    'Event Notification Callback URL',
    'TEXTFIELD_1000',
    null,
    'Where the platform POSTs each event notification.',
  ),
  entry(
    'filter.response.nulls',
    'Filter null values from the response',
    'BOOLEAN',
    'true',
    'Whether null values are removed from hub answers.',
  ),
]

function entry(
  key: string,
  name: string,
  type: string,
  defaultValue: string | null,
  description: string,
): PlatformConfigEntry {
  return { key, name, type, required: false, defaultValue, description, hideFromConsole: false }
}

const WORDS: Readonly<Record<string, string>> = {
  api: 'API',
  id: 'ID',
  oauth: 'OAuth',
  url: 'URL',
  db: 'DB',
}

/** `oauth.api.key` → `OAuth API Key`. */
function nameOf(key: string): string {
  return key
    .split(/[._]+/)
    .filter((word) => word !== '')
    .map((word) => WORDS[word.toLowerCase()] ?? `${word.charAt(0).toUpperCase()}${word.slice(1)}`)
    .join(' ')
}

/**
 * What type the platform gives an entry. The platform masks only `PASSWORD` entries (passwords,
 * `oauth.api.key`, `oauth.api.secret`, other secrets and tokens); an API key kept in `username` is
 * a text field it echoes.
 */
export function platformTypeOf(config: CatalogueEntryConfig): string {
  const key = config.key.toLowerCase()
  if (key !== 'username' && /password|secret|token|api\.key|private\.key|apikey/.test(key)) {
    return 'PASSWORD'
  }
  const value = String(config.default ?? config.example ?? '').toLowerCase()
  if (
    value === 'true' ||
    value === 'false' ||
    /(^|\.)sandbox$|^use_sandbox$|\.enabled$/.test(key)
  ) {
    return 'BOOLEAN'
  }
  return /url|configuration|names$/.test(key) ? 'TEXTFIELD_1000' : 'TEXTFIELD_128'
}

/** The description of an entry, from its page's placeholder (`<INSERT_SITE_NAME>` → "Site name."). */
function descriptionOf(config: CatalogueEntryConfig, name: string): string {
  const placeholder = /^<INSERT_(.+)>$/.exec(String(config.example ?? '').trim())?.[1]
  if (placeholder !== undefined) {
    const words = placeholder.replaceAll('_', ' ').toLowerCase()
    return `${words.charAt(0).toUpperCase()}${words.slice(1)}.`
  }
  return `${name}.`
}

/**
 * A catalogued connector's configuration as the platform describes it: its own entries first (in
 * the page's order), then the common entries it does not list itself.
 */
export function describeConfiguration(element: CatalogueElement): PlatformConfigEntry[] {
  const own = element.configuration.map((config): PlatformConfigEntry => {
    const name = config.label ?? nameOf(config.key)
    return {
      key: config.key,
      name,
      type: platformTypeOf(config),
      required: config.required,
      defaultValue: config.default ?? null,
      description: descriptionOf(config, name),
      hideFromConsole: false,
    }
  })
  const keys = new Set(own.map((config) => config.key))
  return [...own, ...COMMON_ENTRIES.filter((config) => !keys.has(config.key))]
}
