import { InvalidArgumentError } from '../index.js'

/**
 * How the platform finds changes of one vendor resource when polling: the hub path to query (with
 * the platform's `${date}`-style placeholders) and the fields that identify and date a record.
 */
export interface PollerResource {
  /** The hub path to poll, e.g. `/hubs/payment/customers?where=updated_at>='${date}'`. */
  readonly url: string
  /** The record field holding its id, e.g. `id`. */
  readonly idField: string
  /** Which fields date a record, and how they are written. */
  readonly datesConfiguration?: {
    readonly updatedDateField?: string
    readonly updatedDateFormat?: string
    readonly updatedDateTimezone?: string
    readonly createdDateField?: string
    readonly createdDateFormat?: string
    readonly createdDateTimezone?: string
  }
}

/** What every event set-up has: where the platform calls, and the optional signing key. */
interface EventDelivery {
  /** Where the platform POSTs each event notification (http or https). */
  readonly callbackUrl: string
  /**
   * When set, every notification is signed with it (`Elements-Webhook-Signature`); verify with
   * `verifyWebhookSignature`. A secret: plugboard redacts it like any secret entry.
   */
  readonly signatureKey?: string | undefined
}

/** Events found by polling the vendor every few minutes. */
export interface PollingEvents<Resource extends string = string> extends EventDelivery {
  readonly mode: 'polling'
  /** Minutes between polls (the platform's default for most connectors is 15). */
  readonly refreshIntervalMinutes?: number | undefined
  /** The resources to poll, by the name the notifications will carry as their object type. */
  readonly resources: Readonly<Record<Resource, PollerResource>>
}

/** Events the vendor pushes to the platform through its own webhooks. */
export interface WebhookEvents extends EventDelivery {
  readonly mode: 'webhook'
}

/** An instance's event set-up: polling or the vendor's webhooks. */
export type EventConfiguration<Resource extends string = string> =
  | PollingEvents<Resource>
  | WebhookEvents

/** The configuration entries that turn an instance's events off. */
export const EVENTS_OFF: Readonly<Record<string, string>> = /* @__PURE__ */ Object.freeze({
  'event.notification.enabled': 'false',
})

function checkUrl(argument: string, value: string): void {
  let url: URL | undefined
  try {
    url = new URL(value)
  } catch {
    url = undefined
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new InvalidArgumentError({
      argument,
      message: `${argument} must be an absolute http(s) URL.`,
    })
  }
}

/**
 * Turns an event set-up into the configuration entries the platform reads
 * (`event.notification.enabled`, `event.vendor.type`, `event.notification.callback.url`, …), the
 * poller configuration serialised to the JSON text the platform expects. Merge them into a
 * provisioning request's configuration, or send them with an instance patch.
 *
 * @throws `InvalidArgumentError` (from `@plugboard/core`) for a callback URL that is not http(s), a refresh interval
 * that is not a positive whole number, or a polling set-up without resources
 *
 * @example
 * ```ts
 * import { eventEntries } from '@plugboard/core/events'
 *
 * const entries = eventEntries({
 *   mode: 'polling',
 *   callbackUrl: 'https://app.example.com/platform-events',
 *   signatureKey: 'my-signature-key',
 *   refreshIntervalMinutes: 15,
 *   resources: {
 *     customers: { url: "/hubs/payment/customers?where=updated_at>='${date}'", idField: 'id' },
 *   },
 * })
 * // entries['event.poller.configuration'] is the JSON text of the resources
 * ```
 */
export function eventEntries(configuration: EventConfiguration): Record<string, string> {
  checkUrl('callbackUrl', configuration.callbackUrl)
  const entries: Record<string, string> = {
    'event.notification.enabled': 'true',
    'event.vendor.type': configuration.mode,
    'event.notification.callback.url': configuration.callbackUrl,
  }
  if (configuration.signatureKey !== undefined) {
    if (configuration.signatureKey === '') {
      throw new InvalidArgumentError({
        argument: 'signatureKey',
        message: 'signatureKey must not be empty.',
      })
    }
    entries['event.notification.signature.key'] = configuration.signatureKey
  }
  if (configuration.mode === 'polling') {
    const minutes = configuration.refreshIntervalMinutes
    if (minutes !== undefined) {
      if (!Number.isSafeInteger(minutes) || minutes < 1) {
        throw new InvalidArgumentError({
          argument: 'refreshIntervalMinutes',
          message: 'refreshIntervalMinutes must be a whole number of minutes, 1 or more.',
        })
      }
      entries['event.poller.refresh_interval'] = String(minutes)
    }
    const resources = Object.entries(configuration.resources)
    if (resources.length === 0) {
      throw new InvalidArgumentError({
        argument: 'resources',
        message: 'A polling set-up needs at least one resource.',
      })
    }
    for (const [name, resource] of resources) {
      if (typeof resource.url !== 'string' || !resource.url.startsWith('/')) {
        throw new InvalidArgumentError({
          argument: 'resources',
          message: `resources.${name}.url must be a path on the connector's API, starting with "/".`,
        })
      }
    }
    entries['event.poller.configuration'] = JSON.stringify(configuration.resources)
  }
  return entries
}
