import type { InstanceEventRecord } from '@plugboard/core/protocol'
import { CancelledError, UsageError } from '../cli-errors.js'
import type { Output } from '../output.js'
import { withSpinner } from '../spinner.js'
import { openTarget, type TargetOptions } from '../target.js'
import { awaitEmbeddedDelivery } from './embedded-delivery.js'
import { parseId } from './instances.js'
import { signatureKeyFor } from './signature-key.js'

/** The options of `events listen`. */
export interface ListenOptions {
  readonly port: string
  readonly host: string
  /** The name of the environment variable holding the signature key (never the key itself). */
  readonly signatureKeyEnv?: string | undefined
  readonly forwardTo?: string | undefined
}

function parsePort(value: string): number {
  const port = /^[0-9]{1,5}$/.test(value) ? Number(value) : Number.NaN
  if (!(port >= 0 && port <= 65535)) {
    throw new UsageError(`--port must be a number from 0 to 65535, got "${value}".`)
  }
  return port
}

/** `events listen`: a local receiver of event callbacks, until interrupted (exit 130). */
export async function listenForEvents(options: ListenOptions, out: Output): Promise<void> {
  const port = parsePort(options.port)
  if (options.forwardTo !== undefined && !/^https?:\/\/./i.test(options.forwardTo)) {
    throw new UsageError('--forward-to must be an absolute http(s) URL.')
  }
  const signatureKey = await signatureKeyFor(options.signatureKeyEnv, out, 'take events unverified')
  const { describeListenedEvent, startEventListener } = await import('@plugboard/sandbox')
  const listener = await startEventListener({
    port,
    host: options.host,
    signatureKey,
    forwardTo: options.forwardTo,
    onEvent: (received) => {
      if (out.json) {
        process.stdout.write(
          `${JSON.stringify({ webhookId: received.webhookId, verified: received.verified, repeat: received.repeat, forwarded: received.forwarded, event: received.event })}\n`,
        )
      } else {
        out.line(describeListenedEvent(received))
      }
    },
    onRejected: (rejection) => out.error(`refused (${rejection.status}): ${rejection.reason}`),
  })
  if (out.json) process.stdout.write(`${JSON.stringify({ url: listener.url })}\n`)
  else {
    out.line(`listening for events: ${listener.url}`)
    out.line(
      out.style(
        'dim',
        signatureKey === undefined
          ? 'No signature key: events are taken unverified. Press Ctrl+C to stop.'
          : 'Signatures are verified. Press Ctrl+C to stop.',
      ),
    )
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  await listener.close()
  // Stopping with Ctrl-C is how a listen ends: exit 130, as for any cancelled command.
  throw new CancelledError()
}

const EVENT_TYPES = ['CREATED', 'UPDATED', 'DELETED'] as const

/** `events trigger`: simulates a vendor change on a sandbox instance. */
export async function triggerEvent(
  input: {
    readonly instanceId: string
    readonly objectType: string
    readonly objectId: string
    readonly type: string
  },
  options: TargetOptions,
  out: Output,
): Promise<void> {
  const instanceId = parseId(input.instanceId)
  const eventType = EVENT_TYPES.find((type) => type === input.type.toUpperCase())
  if (eventType === undefined) {
    throw new UsageError(`--type must be one of ${EVENT_TYPES.join(', ')}.`)
  }
  const target = await openTarget(options, out)
  try {
    const change = { objectType: input.objectType, objectId: input.objectId, eventType }
    const result = await withSpinner(out, `Simulating a change on instance ${instanceId}`, () =>
      target.simulateChange(instanceId, change),
    )
    // The embedded sandbox stops with this command: stay for its attempt at delivering.
    const delivery =
      options.baseUrl === undefined && result.outcome === 'recorded'
        ? await withSpinner(out, `Delivering event ${result.eventId}`, () =>
            awaitEmbeddedDelivery(target, instanceId, result.eventId),
          )
        : undefined
    if (out.json) {
      out.data({ instanceId, change, ...result, ...(delivery && { status: delivery.status }) })
    } else if (result.outcome === 'recorded') {
      out.line(
        `Recorded event ${result.eventId} on instance ${instanceId}; ${deliveryNote(options, delivery)}`,
      )
    } else {
      out.line(
        `Queued: instance ${instanceId} polls; the change is found in ${result.pollInMinutes} minute(s).`,
      )
    }
  } finally {
    await target.close()
  }
}

/** What `events trigger` says of a recorded event's delivery. */
function deliveryNote(options: TargetOptions, delivery: InstanceEventRecord | undefined): string {
  if (options.baseUrl !== undefined) return 'it is being delivered.'
  if (delivery === undefined) {
    return 'it waits behind earlier events of the instance: the embedded sandbox sends it the next time a command (or `sandbox`) runs.'
  }
  if (delivery.status === 'NOTIFIED') return 'delivered to the callback URL.'
  const reason = delivery.lastError ? ` (${delivery.lastError})` : ''
  return delivery.status === 'FAILED'
    ? `not delivered${reason}.`
    : `the delivery failed${reason}: the embedded sandbox retries it the next time a command (or \`sandbox\`) runs.`
}

/** `events list`: the events recorded for an instance. */
export async function listEvents(id: string, options: TargetOptions, out: Output): Promise<void> {
  const instanceId = parseId(id)
  const target = await openTarget(options, out)
  try {
    const events = await withSpinner(out, `Listing events of instance ${instanceId}`, () =>
      target.client.instances.events(instanceId),
    )
    if (out.json) {
      out.data(events)
      return
    }
    out.line(`Events of instance ${instanceId} (${events.length})`)
    for (const event of events) {
      const objects = (event.objects ?? [])
        .map(
          (object) =>
            `${object.eventType ?? '?'} ${object.objectType ?? '?'}/${object.objectId ?? '?'}`,
        )
        .join(', ')
      out.line(`  ${event.id}  ${event.status.padEnd(11)}${objects}`)
    }
  } finally {
    await target.close()
  }
}
