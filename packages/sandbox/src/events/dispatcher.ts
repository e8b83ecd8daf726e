import {
  signWebhookBody,
  WEBHOOK_ID_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
} from '@plugboard/core/events'
import type { EventLog, EventRecord } from './event-log.js'
import { type EventSetup, type EventSubject, eventSetupOf } from './subject.js'

/** How the sandbox retries a failed delivery. */
export interface EventRetryPolicy {
  /** Attempts in all, the first included, before an event is `FAILED`. */
  readonly attempts: number
  /** The wait before the second attempt; it doubles for each further attempt. */
  readonly baseDelayMs: number
  /** The longest wait between two attempts. */
  readonly maxDelayMs: number
  /** How long one attempt may take before it counts as failed. */
  readonly timeoutMs: number
}

/** The sandbox's default retry policy: 5 attempts, waits of 1, 2, 4 and 8 s, 10 s per attempt. */
export const DEFAULT_EVENT_RETRY: EventRetryPolicy = {
  attempts: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  timeoutMs: 10_000,
}

/** Where the dispatcher reads an instance from, fresh before every attempt. */
export type SubjectLookup = (instanceId: number) => EventSubject | undefined

/**
 * Delivers recorded events to their instance's callback URL: signed when the instance has a
 * signature key, one at a time per instance in the order recorded, retried with doubling waits,
 * and never to an instance that is disabled, deleted or has its events turned off.
 */
export class EventDispatcher {
  readonly #log: EventLog
  readonly #lookup: SubjectLookup
  readonly #retry: EventRetryPolicy
  readonly #inFlight = new Set<Promise<void>>()
  #timer: NodeJS.Timeout | undefined
  #closed = false

  constructor(log: EventLog, lookup: SubjectLookup, retry: Partial<EventRetryPolicy> = {}) {
    this.#log = log
    this.#lookup = lookup
    this.#retry = { ...DEFAULT_EVENT_RETRY, ...retry }
    this.#log.recover(Date.now())
  }

  /** Looks for due events now (after an event was recorded, or at start). */
  wake(): void {
    if (this.#closed) return
    clearTimeout(this.#timer)
    this.#timer = setTimeout(() => this.#run(), 0)
    this.#timer.unref()
  }

  #run(): void {
    this.#timer = undefined
    if (this.#closed) return
    for (const event of this.#log.due(Date.now())) {
      const attempt = this.#attempt(event).finally(() => {
        this.#inFlight.delete(attempt)
        this.#schedule()
      })
      this.#inFlight.add(attempt)
    }
    this.#schedule()
  }

  #schedule(): void {
    if (this.#closed || this.#timer !== undefined) return
    const at = this.#log.nextDueAt()
    if (at === undefined) return
    this.#timer = setTimeout(() => this.#run(), Math.max(0, at - Date.now()))
    this.#timer.unref()
  }

  async #attempt(event: EventRecord): Promise<void> {
    const setup = eventSetupOf(this.#lookup(event.instanceId))
    const attempts = event.attempts + 1
    if (setup === undefined) {
      this.#log.settle(event.eventId, {
        status: 'FAILED',
        attempts: event.attempts,
        nextAttemptAt: null,
        lastError: 'not delivered: the instance is disabled, deleted or has its events turned off',
      })
      return
    }
    this.#log.settle(event.eventId, {
      status: 'DISPATCHED',
      attempts,
      nextAttemptAt: null,
      lastError: null,
    })
    const failure = await this.#send(event, setup)
    // Closed meanwhile (the database may be gone): recover() makes it due at the next start.
    if (this.#closed) return
    if (failure === undefined) {
      this.#log.settle(event.eventId, {
        status: 'NOTIFIED',
        attempts,
        nextAttemptAt: null,
        lastError: null,
      })
      return
    }
    const wait = Math.min(this.#retry.maxDelayMs, this.#retry.baseDelayMs * 2 ** (attempts - 1))
    this.#log.settle(event.eventId, {
      status: attempts >= this.#retry.attempts ? 'FAILED' : 'DISPATCHED',
      attempts,
      nextAttemptAt: attempts >= this.#retry.attempts ? null : Date.now() + wait,
      lastError: failure,
    })
  }

  /** One POST of the notification; `undefined` when the receiver took it (2xx), else why not. */
  async #send(event: EventRecord, setup: EventSetup): Promise<string | undefined> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      [WEBHOOK_ID_HEADER]: event.webhookId,
    }
    if (setup.signatureKey !== undefined) {
      headers[WEBHOOK_SIGNATURE_HEADER] = await signWebhookBody(event.body, setup.signatureKey)
    }
    try {
      const response = await fetch(setup.callbackUrl, {
        method: 'POST',
        headers,
        body: event.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.#retry.timeoutMs),
      })
      await response.body?.cancel()
      return response.ok ? undefined : `the callback URL answered ${response.status}`
    } catch (error) {
      return (error as Error).name === 'TimeoutError'
        ? `the callback URL did not answer within ${this.#retry.timeoutMs} ms`
        : 'the callback URL could not be reached'
    }
  }

  /** Stops delivering; waits for the attempts in flight. */
  async close(): Promise<void> {
    this.#closed = true
    clearTimeout(this.#timer)
    await Promise.allSettled([...this.#inFlight])
  }
}
