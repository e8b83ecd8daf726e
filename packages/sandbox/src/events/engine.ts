import type { DatabaseSync } from 'node:sqlite'
import { EventDispatcher, type EventRetryPolicy, type SubjectLookup } from './dispatcher.js'
import { type ChangedObject, EventLog, MAX_OBJECTS_PER_EVENT } from './event-log.js'
import { eventSetupOf } from './subject.js'

/** Options of {@link createEventEngine}. */
export interface EventEngineOptions {
  /** The sandbox's database: the engine keeps its two tables there. */
  readonly database: DatabaseSync
  /** Reads an instance, fresh, by id (`undefined` once it is deleted). */
  readonly lookup: SubjectLookup
  /** How failed deliveries are retried. */
  readonly retry?: Partial<EventRetryPolicy> | undefined
  /**
   * How long a poller "minute" lasts, in milliseconds: 60,000 for real time; tests shorten it so
   * a polling instance polls without waiting minutes.
   */
  readonly minuteMs?: number | undefined
}

/** What a simulated vendor change led to. */
export type SimulatedChangeOutcome =
  /** A webhook instance: the event was recorded and is being delivered. */
  | { readonly kind: 'recorded'; readonly eventId: string }
  /** A polling instance: the change waits for the instance's next poll. */
  | { readonly kind: 'queued'; readonly pollInMinutes: number }
  /** The instance sends no events (disabled, or events off): nothing happens. */
  | { readonly kind: 'ignored' }

/** The sandbox's events: the log, delivery, and polling of simulated vendor changes. */
export interface EventEngine {
  readonly log: EventLog
  /** A change at the vendor, as a webhook would announce it or a poll would find it. */
  simulateChange(instanceId: number, change: ChangedObject): SimulatedChangeOutcome
  /** Drops a deleted instance's events and waiting changes. */
  forget(instanceId: number): void
  /** Stops polling and delivery; waits for deliveries in flight. */
  close(): Promise<void>
}

/**
 * Creates the event engine over the sandbox's database. Delivery resumes at start for events
 * left pending by an earlier run (at least once).
 */
export function createEventEngine(options: EventEngineOptions): EventEngine {
  const log = new EventLog(options.database)
  const dispatcher = new EventDispatcher(log, options.lookup, options.retry)
  const minuteMs = options.minuteMs ?? 60_000
  const polls = new Map<number, NodeJS.Timeout>()

  const poll = (instanceId: number): void => {
    polls.delete(instanceId)
    const subject = options.lookup(instanceId)
    const changes = log.takeChanges(instanceId)
    if (subject === undefined || eventSetupOf(subject)?.mode !== 'polling') return
    for (let start = 0; start < changes.length; start += MAX_OBJECTS_PER_EVENT) {
      log.record({
        instanceId,
        organization: subject.organization,
        connectorKey: subject.connectorKey,
        objects: changes.slice(start, start + MAX_OBJECTS_PER_EVENT),
      })
    }
    if (changes.length > 0) dispatcher.wake()
  }

  const schedulePoll = (instanceId: number, minutes: number): void => {
    if (polls.has(instanceId)) return
    const timer = setTimeout(() => poll(instanceId), minutes * minuteMs)
    timer.unref()
    polls.set(instanceId, timer)
  }

  // Changes left waiting by an earlier run are polled one interval after start.
  for (const instanceId of log.instancesWithChanges()) {
    const setup = eventSetupOf(options.lookup(instanceId))
    if (setup?.mode === 'polling') schedulePoll(instanceId, setup.refreshIntervalMinutes)
  }
  dispatcher.wake()

  return {
    log,
    simulateChange(instanceId, change) {
      const subject = options.lookup(instanceId)
      const setup = eventSetupOf(subject)
      if (subject === undefined || setup === undefined) return { kind: 'ignored' }
      if (setup.mode === 'polling') {
        log.queueChange(instanceId, change)
        schedulePoll(instanceId, setup.refreshIntervalMinutes)
        return { kind: 'queued', pollInMinutes: setup.refreshIntervalMinutes }
      }
      const event = log.record({
        instanceId,
        organization: subject.organization,
        connectorKey: subject.connectorKey,
        objects: [change],
      })
      dispatcher.wake()
      return { kind: 'recorded', eventId: event.eventId }
    },
    forget(instanceId) {
      clearTimeout(polls.get(instanceId))
      polls.delete(instanceId)
      log.forget(instanceId)
    },
    async close() {
      for (const timer of polls.values()) clearTimeout(timer)
      polls.clear()
      await dispatcher.close()
    },
  }
}
