/**
 * The platform's common event entries: every instance may hold them beside its connector's own
 * entries, whatever the connector's schema says (`../shared/spec/events.md`).
 */
export const EVENT_ENTRY_KEYS: ReadonlySet<string> = new Set([
  'event.notification.enabled',
  'event.vendor.type',
  'event.notification.callback.url',
  'event.notification.signature.key',
  'event.poller.refresh_interval',
  'event.poller.configuration',
])

/** The event entries that are secrets: sealed at rest and masked in answers. */
export const EVENT_SECRET_KEYS: ReadonlySet<string> = new Set(['event.notification.signature.key'])

/** Whether `key` is one of the common event entries. */
export function isEventEntry(key: string): boolean {
  return EVENT_ENTRY_KEYS.has(key)
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
  } catch {
    return false
  }
}

const checks: Record<string, (text: string) => string | undefined> = {
  'event.notification.enabled': (text) =>
    text === 'true' || text === 'false' ? undefined : 'expected "true" or "false"',
  'event.vendor.type': (text) =>
    ['polling', 'webhook', 'webhooks'].includes(text)
      ? undefined
      : 'expected "polling" or "webhook"',
  'event.notification.callback.url': (text) =>
    text === '' || (/^https?:\/\//i.test(text) && URL.canParse(text))
      ? undefined
      : 'expected an absolute http(s) URL',
  'event.notification.signature.key': (text) =>
    text === '' ? 'expected a non-empty key' : undefined,
  'event.poller.refresh_interval': (text) =>
    /^[1-9][0-9]{0,5}$/.test(text) ? undefined : 'expected a whole number of minutes, 1 or more',
  'event.poller.configuration': (text) =>
    isJsonObject(text) ? undefined : 'expected the JSON text of an object',
}

/**
 * Checks a given event entry and returns the text to store, or the problem (which never repeats
 * the value: the signature key is a secret). `null` clears an entry.
 */
export function checkEventEntry(
  key: string,
  value: unknown,
): { readonly value: string | null } | { readonly problem: string } {
  if (value === null) return { value: null }
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : undefined
  if (text === undefined) return { problem: `invalid entry "${key}": expected a string or null` }
  const problem = checks[key]?.(text)
  return problem === undefined ? { value: text } : { problem: `invalid entry "${key}": ${problem}` }
}
