import type { InstanceEventRecord } from '@plugboard/core/protocol'
import type { Hono } from 'hono'
import * as v from 'valibot'
import { parseBody, readJson } from '../body.js'
import type { EventRecord } from '../events/event-log.js'
import { HttpError } from '../http-error.js'
import type { Ctx, RouteKit, SandboxEnv } from './kit.js'
import { resource } from './resource.js'

/** How many events a list answers at most: the latest ones, oldest first. */
export const EVENT_LIST_LIMIT = 200

/** An event record as the sandbox answers it (the protocol's `InstanceEventRecord`). */
export function eventJson(record: EventRecord): InstanceEventRecord {
  const { message } = JSON.parse(record.body) as {
    message: { events: { eventType: string; objectType: string; objectId: string; date: string }[] }
  }
  return {
    id: record.eventId,
    instanceId: record.instanceId,
    status: record.status,
    webhookId: record.webhookId,
    attempts: record.attempts,
    lastError: record.lastError,
    createdDate: record.createdDate,
    updatedDate: record.updatedDate,
    objects: message.events,
  }
}

/**
 * The instance a request about events names, or `undefined` for the organization's events:
 * `/instances/{id}/events…` names it by id, `/instances/events…` by the request's token (without
 * a token, the organization's events).
 */
function scope(kit: RouteKit, c: Ctx): number | undefined {
  if (c.req.param('id') === undefined && c.get('token') === undefined) return undefined
  return kit.target(c, true).id
}

/**
 * The event log's routes on the instance router: `GET /events` and `GET /events/{eventId}`, under
 * `/instances/{id}` and under `/instances` (the token's instance, or without a token the
 * organization's events).
 */
export function eventRoutes(router: Hono<SandboxEnv>, kit: RouteKit): void {
  resource(router, '/events', {
    GET: (c) => {
      const instanceId = scope(kit, c)
      const organization = c.get('organization').id
      return c.json(kit.events.log.list(organization, instanceId, EVENT_LIST_LIMIT).map(eventJson))
    },
  })
  resource(router, '/events/:eventId', {
    GET: (c) => {
      const instanceId = scope(kit, c)
      const eventId = c.req.param('eventId') ?? ''
      const record = kit.events.log.get(c.get('organization').id, eventId)
      if (record === undefined || (instanceId !== undefined && record.instanceId !== instanceId)) {
        throw new HttpError(404, `No event with id ${eventId}.`)
      }
      return c.json(eventJson(record))
    },
  })
}

const text = (what: string, max: number) =>
  v.pipe(
    v.string(`expected ${what} as a string`),
    v.trim(),
    v.nonEmpty(`expected ${what}`),
    v.maxLength(max, `expected ${what} of at most ${max} characters`),
  )

/** The body of the sandbox-only simulated vendor change. */
const changeBody = v.looseObject(
  {
    objectType: text('the object type (e.g. "customers")', 100),
    objectId: text('the object id', 200),
    eventType: v.optional(
      v.pipe(
        v.string('expected the event type as a string'),
        v.toUpperCase(),
        v.picklist(
          ['CREATED', 'UPDATED', 'DELETED'],
          'expected the event type "CREATED", "UPDATED" or "DELETED"',
        ),
      ),
      'UPDATED',
    ),
  },
  'expected a JSON object',
)

/** Where the sandbox-only simulated vendor change is served, below each API root. */
export const SIMULATE_CHANGE_PATH = '/sandbox/instances/:id{[0-9]+}/changes'

/**
 * Sandbox-only (the platform has no such route): `POST /sandbox/instances/{id}/changes` simulates
 * a change of one object at the instance's vendor. A webhook instance records an event at once
 * (202, `{ outcome: 'recorded', eventId }`); a polling instance finds it at its next poll (202,
 * `{ outcome: 'queued', pollInMinutes }`); an instance that sends no events answers 409.
 */
export function simulationRoutes(api: Hono<SandboxEnv>, kit: RouteKit): void {
  resource(api, SIMULATE_CHANGE_PATH, {
    POST: async (c) => {
      const id = Number(c.req.param('id'))
      const record = Number.isSafeInteger(id)
        ? kit.store.get(c.get('organization').id, id)
        : undefined
      if (record === undefined)
        throw new HttpError(404, `No instance with id ${c.req.param('id')}.`)
      const body = parseBody(changeBody, await readJson(c))
      const outcome = kit.events.simulateChange(record.id, body)
      if (outcome.kind === 'ignored') {
        throw new HttpError(
          409,
          `Instance ${record.id} sends no events (it is disabled, its events are off, or it has no http(s) callback URL): nothing was recorded.`,
        )
      }
      return c.json(
        outcome.kind === 'recorded'
          ? { outcome: 'recorded', eventId: outcome.eventId }
          : { outcome: 'queued', pollInMinutes: outcome.pollInMinutes },
        202,
      )
    },
  })
}
