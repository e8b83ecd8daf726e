import { setTimeout as wait } from 'node:timers/promises'
import type { InstanceEventRecord } from '@plugboard/core/protocol'
import type { Target } from '../target.js'

/** How long `events trigger` stays for a delivery on the embedded sandbox (a ceiling, not a wait). */
const DELIVERY_CEILING_MS = 30_000
const CHECK_EVERY_MS = 50

/**
 * Whether the sandbox is done with an event's attempt: delivered, failed for good, or waiting to
 * retry (still `DISPATCHED`, the failure noted; an attempt in flight has no failure noted).
 */
function settled(event: InstanceEventRecord): boolean {
  if (event.status === 'NOTIFIED' || event.status === 'FAILED') return true
  return event.status === 'DISPATCHED' && typeof event.lastError === 'string'
}

/**
 * On the embedded sandbox, which lives only as long as the command: waits until the sandbox is
 * done with its attempt at delivering `eventId`, so that it is not stopped halfway (a delivery cut
 * short is repeated at the next start). Returns the event as it then stands, or undefined when the
 * ceiling passed first (an earlier event of the instance still on its way, delivered in order).
 */
export async function awaitEmbeddedDelivery(
  target: Target,
  instanceId: number,
  eventId: string,
): Promise<InstanceEventRecord | undefined> {
  const deadline = Date.now() + DELIVERY_CEILING_MS
  for (;;) {
    const event = await target.client.instances.getEvent(instanceId, eventId)
    if (settled(event)) return event
    if (Date.now() > deadline) return undefined
    await wait(CHECK_EVERY_MS)
  }
}
