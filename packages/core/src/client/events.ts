import * as v from 'valibot'
import { EVENTS_OFF, type EventConfiguration, eventEntries } from '../events/configuration.js'
import type { InstancePatch } from '../instance.js'
import type { InstanceEventRecord } from '../protocol/event-schemas.js'
import { type Context, segment } from './context.js'
import { responseError } from './parse.js'
import { request } from './request.js'
import { managementSchemas } from './wire.js'

/**
 * The instance patch that turns events on with `setup`: its `event.*` entries
 * (`eventEntries`), sent as `PATCH /instances/{id}`. Only the configuration changes.
 */
export function enableEventsPatch(setup: EventConfiguration): InstancePatch {
  return { configuration: eventEntries(setup) }
}

/** The instance patch that turns events off (`event.notification.enabled: "false"`). */
export function disableEventsPatch(): InstancePatch {
  return { configuration: { ...EVENTS_OFF } }
}

/** `GET {path}/events`: the instance's latest events, oldest first. */
export async function listEvents(context: Context, path: string): Promise<InstanceEventRecord[]> {
  await managementSchemas.load()
  return request(context.transport, { method: 'GET', path: `${path}/events` }, (body, answer) => {
    const result = v.safeParse(managementSchemas.get().instanceEventListSchema, body)
    if (!result.success) throw responseError(answer.request, result.issues)
    return result.output
  })
}

/** `GET {path}/events/{eventId}`: one event of the instance. */
export async function getEvent(
  context: Context,
  path: string,
  eventId: unknown,
): Promise<InstanceEventRecord> {
  await managementSchemas.load()
  return request(
    context.transport,
    { method: 'GET', path: `${path}/events/${segment('eventId', eventId)}` },
    (body, answer) => {
      const result = v.safeParse(managementSchemas.get().instanceEventSchema, body)
      if (!result.success) throw responseError(answer.request, result.issues)
      return result.output
    },
  )
}
