import type { SandboxStore } from '../store.js'
import type { EventRetryPolicy } from './dispatcher.js'
import { createEventEngine, type EventEngine } from './engine.js'

/** How the sandbox's events behave (shortened in tests). */
export interface SandboxEventOptions {
  /** How failed deliveries are retried; `DEFAULT_EVENT_RETRY` for what is left out. */
  readonly retry?: Partial<EventRetryPolicy> | undefined
  /**
   * How long a poller "minute" lasts, in milliseconds: 60,000 (real time) by default; tests
   * shorten it so a polling instance polls without waiting minutes.
   */
  readonly minuteMs?: number | undefined
}

/**
 * Opens the event engine over the store's database. It reads each instance fresh, by id, with its
 * secrets in clear (the signature key signs deliveries; it is never logged or answered).
 */
export function openSandboxEvents(
  store: SandboxStore,
  options: SandboxEventOptions = {},
): EventEngine {
  return createEventEngine({
    database: store.database,
    retry: options.retry,
    minuteMs: options.minuteMs,
    lookup: (id) => {
      const record = store.getById(id)
      return record === undefined
        ? undefined
        : {
            organization: record.organization,
            connectorKey: record.connectorKey,
            disabled: record.disabled,
            entries: record.configuration,
          }
    },
  })
}
