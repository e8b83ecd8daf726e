/** What the event engine needs to know of an instance, read fresh before every step. */
export interface EventSubject {
  readonly organization: string
  readonly connectorKey: string
  readonly disabled: boolean
  /** The instance's configuration entries, secrets in clear (never logged or answered). */
  readonly entries: Readonly<Record<string, string | null | undefined>>
}

/** How an instance's events are set up, read from its `event.*` entries. */
export interface EventSetup {
  readonly mode: 'polling' | 'webhook'
  readonly callbackUrl: string
  readonly signatureKey: string | undefined
  /** Minutes between polls (15 unless `event.poller.refresh_interval` says otherwise). */
  readonly refreshIntervalMinutes: number
}

/**
 * An instance's event set-up, or `undefined` when it sends no events: disabled, events off, no
 * usable http(s) callback URL, or an unknown vendor type.
 */
export function eventSetupOf(subject: EventSubject | undefined): EventSetup | undefined {
  if (subject === undefined || subject.disabled) return undefined
  const entries = subject.entries
  if (entries['event.notification.enabled'] !== 'true') return undefined
  const type = entries['event.vendor.type']
  const mode =
    type === 'polling'
      ? 'polling'
      : type === 'webhook' || type === 'webhooks'
        ? 'webhook'
        : undefined
  const callbackUrl = entries['event.notification.callback.url'] ?? ''
  if (mode === undefined || !/^https?:\/\//i.test(callbackUrl) || !URL.canParse(callbackUrl)) {
    return undefined
  }
  const key = entries['event.notification.signature.key']
  const minutes = Number(entries['event.poller.refresh_interval'] ?? '15')
  return {
    mode,
    callbackUrl,
    signatureKey: key === null || key === undefined || key === '' ? undefined : key,
    refreshIntervalMinutes: Number.isFinite(minutes) && minutes > 0 ? minutes : 15,
  }
}
