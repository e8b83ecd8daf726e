import { randomUUID } from 'node:crypto'
import type { DatabaseSync, StatementSync } from 'node:sqlite'

/** Where an event is on its way to the callback URL. */
export type EventStatus = 'NEW' | 'DISPATCHED' | 'NOTIFIED' | 'FAILED'

/** One changed vendor object, as an event notification lists it. */
export interface ChangedObject {
  /** `CREATED`, `UPDATED` or `DELETED`. */
  readonly eventType: string
  /** The kind of object, e.g. `customers`. */
  readonly objectType: string
  /** The vendor's id of the object. */
  readonly objectId: string
}

/** An event the sandbox recorded for an instance, and how its delivery went. */
export interface EventRecord {
  /** The event's id (`message.eventId` of the notification). */
  readonly eventId: string
  /** The delivery's id, sent as `elements-webhook-id`: the same on every retry. */
  readonly webhookId: string
  readonly instanceId: number
  readonly organization: string
  readonly status: EventStatus
  /** Delivery attempts made so far. */
  readonly attempts: number
  /** The notification body, as JSON text: exactly the bytes that are signed and sent. */
  readonly body: string
  readonly createdDate: string
  readonly updatedDate: string
  /** Why the last attempt failed, when it did (a status code or a network failure's kind). */
  readonly lastError: string | null
}

interface Row {
  seq: number | bigint
  event_id: string
  webhook_id: string
  instance_id: number | bigint
  organization: string
  status: string
  attempts: number | bigint
  body: string
  created_date: string
  updated_date: string
  last_error: string | null
}

const SCHEMA = `CREATE TABLE IF NOT EXISTS sandbox_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id TEXT NOT NULL UNIQUE,
  webhook_id TEXT NOT NULL,
  instance_id INTEGER NOT NULL,
  organization TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  body TEXT NOT NULL,
  created_date TEXT NOT NULL,
  updated_date TEXT NOT NULL,
  last_error TEXT
);
CREATE INDEX IF NOT EXISTS sandbox_events_by_instance ON sandbox_events (instance_id, seq);
CREATE INDEX IF NOT EXISTS sandbox_events_pending ON sandbox_events (next_attempt_at)
  WHERE status IN ('NEW', 'DISPATCHED');
CREATE TABLE IF NOT EXISTS sandbox_vendor_changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  instance_id INTEGER NOT NULL,
  change TEXT NOT NULL
);`

const columns =
  'seq, event_id, webhook_id, instance_id, organization, status, attempts, body, created_date, updated_date, last_error'

function toRecord(row: Row): EventRecord {
  return {
    eventId: row.event_id,
    webhookId: row.webhook_id,
    instanceId: Number(row.instance_id),
    organization: row.organization,
    status: row.status as EventStatus,
    attempts: Number(row.attempts),
    body: row.body,
    createdDate: row.created_date,
    updatedDate: row.updated_date,
    lastError: row.last_error,
  }
}

/** What a new event is about. */
export interface NewEvent {
  readonly instanceId: number
  readonly organization: string
  readonly connectorKey: string
  /** The changed objects (a notification carries at most {@link MAX_OBJECTS_PER_EVENT}). */
  readonly objects: readonly ChangedObject[]
}

/** How many changed objects one notification carries at most (the platform's polling limit). */
export const MAX_OBJECTS_PER_EVENT = 10

/**
 * The sandbox's record of events and of simulated vendor changes waiting for a poll, in two
 * tables of the sandbox's database. Each event keeps its notification body as sent, its status
 * and its delivery attempts.
 */
export class EventLog {
  readonly #db: DatabaseSync
  readonly #statements = new Map<string, StatementSync>()

  constructor(db: DatabaseSync) {
    this.#db = db
    this.#db.exec(SCHEMA)
  }

  #statement(sql: string): StatementSync {
    let statement = this.#statements.get(sql)
    if (statement === undefined) {
      statement = this.#db.prepare(sql)
      this.#statements.set(sql, statement)
    }
    return statement
  }

  /** Records an event for an instance, status `NEW`, due for delivery now. */
  record(event: NewEvent, now = new Date()): EventRecord {
    const eventId = randomUUID()
    const date = now.toISOString()
    const body = JSON.stringify({
      message: {
        eventId,
        instanceId: event.instanceId,
        elementKey: event.connectorKey,
        events: event.objects.map((object) => ({ ...object, date })),
      },
    })
    const row = this.#statement(
      `INSERT INTO sandbox_events (event_id, webhook_id, instance_id, organization, status, next_attempt_at, body, created_date, updated_date)
       VALUES (?, ?, ?, ?, 'NEW', ?, ?, ?, ?) RETURNING ${columns}`,
    ).get(
      eventId,
      randomUUID(),
      event.instanceId,
      event.organization,
      now.getTime(),
      body,
      date,
      date,
    ) as unknown as Row
    return toRecord(row)
  }

  /** One event of an organization, by its id. */
  get(organization: string, eventId: string): EventRecord | undefined {
    const row = this.#statement(
      `SELECT ${columns} FROM sandbox_events WHERE organization = ? AND event_id = ?`,
    ).get(organization, eventId) as Row | undefined
    return row === undefined ? undefined : toRecord(row)
  }

  /** An organization's latest `limit` events, of one instance when given, oldest first. */
  list(organization: string, instanceId?: number, limit = 200): EventRecord[] {
    const rows = (instanceId === undefined
      ? this.#statement(
          `SELECT ${columns} FROM sandbox_events WHERE organization = ? ORDER BY seq DESC LIMIT ?`,
        ).all(organization, limit)
      : this.#statement(
          `SELECT ${columns} FROM sandbox_events WHERE organization = ? AND instance_id = ? ORDER BY seq DESC LIMIT ?`,
        ).all(organization, instanceId, limit)) as unknown as Row[]
    return rows.reverse().map(toRecord)
  }

  /**
   * The events whose next attempt is due at `now`: for each instance only its oldest undelivered
   * event, so an instance's events are delivered one at a time, in the order they were recorded.
   */
  due(now: number): EventRecord[] {
    const rows = this.#statement(
      `SELECT ${columns} FROM sandbox_events AS e
       WHERE status IN ('NEW', 'DISPATCHED') AND next_attempt_at <= ?
         AND seq = (SELECT MIN(seq) FROM sandbox_events
                    WHERE instance_id = e.instance_id AND status IN ('NEW', 'DISPATCHED'))
       ORDER BY seq`,
    ).all(now) as unknown as Row[]
    return rows.map(toRecord)
  }

  /** When the next pending attempt is due (epoch milliseconds), or `undefined` when none is. */
  nextDueAt(): number | undefined {
    const row = this.#statement(
      `SELECT MIN(next_attempt_at) AS at FROM sandbox_events WHERE status IN ('NEW', 'DISPATCHED')`,
    ).get() as { at: number | bigint | null }
    return row.at === null ? undefined : Number(row.at)
  }

  /** Records the outcome of a delivery attempt. */
  settle(
    eventId: string,
    outcome: {
      readonly status: EventStatus
      readonly attempts: number
      readonly nextAttemptAt: number | null
      readonly lastError: string | null
    },
    now = new Date(),
  ): void {
    this.#statement(
      `UPDATE sandbox_events SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, updated_date = ?
       WHERE event_id = ?`,
    ).run(
      outcome.status,
      outcome.attempts,
      outcome.nextAttemptAt,
      outcome.lastError,
      now.toISOString(),
      eventId,
    )
  }

  /**
   * Makes attempts that were in flight when the sandbox stopped due again: delivery is at least
   * once, and the receiver drops repeats by their `elements-webhook-id`.
   */
  recover(now: number): void {
    this.#statement(
      `UPDATE sandbox_events SET next_attempt_at = ? WHERE status = 'DISPATCHED' AND next_attempt_at IS NULL`,
    ).run(now)
  }

  /** Drops an instance's events and waiting changes (the instance was deleted). */
  forget(instanceId: number): void {
    this.#statement('DELETE FROM sandbox_events WHERE instance_id = ?').run(instanceId)
    this.#statement('DELETE FROM sandbox_vendor_changes WHERE instance_id = ?').run(instanceId)
  }

  /** Keeps a simulated vendor change until the instance's next poll. */
  queueChange(instanceId: number, change: ChangedObject): void {
    this.#statement('INSERT INTO sandbox_vendor_changes (instance_id, change) VALUES (?, ?)').run(
      instanceId,
      JSON.stringify(change),
    )
  }

  /** Takes every change waiting for an instance's poll, oldest first. */
  takeChanges(instanceId: number): ChangedObject[] {
    const rows = this.#statement(
      'DELETE FROM sandbox_vendor_changes WHERE instance_id = ? RETURNING seq, change',
    ).all(instanceId) as unknown as { seq: number | bigint; change: string }[]
    return rows
      .sort((a, b) => Number(a.seq) - Number(b.seq))
      .map((row) => JSON.parse(row.change) as ChangedObject)
  }

  /** The instances that have changes waiting for a poll. */
  instancesWithChanges(): number[] {
    const rows = this.#statement(
      'SELECT DISTINCT instance_id AS id FROM sandbox_vendor_changes ORDER BY instance_id',
    ).all() as unknown as { id: number | bigint }[]
    return rows.map((row) => Number(row.id))
  }
}
