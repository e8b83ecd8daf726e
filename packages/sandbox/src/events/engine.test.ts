import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DatabaseSync } from 'node:sqlite'
import { parseWebhookEvent, verifyWebhookSignature } from '@plugboard/core/events'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createEventEngine, type EventEngine } from './engine.js'
import { EventLog } from './event-log.js'
import type { EventSubject } from './subject.js'

interface Received {
  readonly body: string
  readonly signature: string | undefined
  readonly webhookId: string | undefined
}

/** A loopback receiver that records every callback and answers the statuses it is given. */
async function startReceiver(statuses: number[] = []) {
  const received: Received[] = []
  let concurrent = 0
  let maxConcurrent = 0
  const server: Server = createServer(async (request, response) => {
    concurrent += 1
    maxConcurrent = Math.max(maxConcurrent, concurrent)
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    received.push({
      body: Buffer.concat(chunks).toString('utf8'),
      signature: request.headers['elements-webhook-signature'] as string | undefined,
      webhookId: request.headers['elements-webhook-id'] as string | undefined,
    })
    // Answer on the next turn, so overlapping deliveries would overlap here.
    setImmediate(() => {
      concurrent -= 1
      response.writeHead(statuses.shift() ?? 200).end()
    })
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`,
    received,
    maxConcurrent: () => maxConcurrent,
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}

const KEY = 'sig-KEY-sandbox-engine'
const WAIT = { timeout: 60_000, interval: 5 }

let database: DatabaseSync
let subjects: Map<number, EventSubject>
let engine: EventEngine | undefined

function subject(url: string, entries: Record<string, string> = {}): EventSubject {
  return {
    organization: 'org-a',
    connectorKey: 'chargebee',
    disabled: false,
    entries: {
      'event.notification.enabled': 'true',
      'event.vendor.type': 'webhook',
      'event.notification.callback.url': url,
      'event.notification.signature.key': KEY,
      ...entries,
    },
  }
}

function start(options: { minuteMs?: number; attempts?: number } = {}): EventEngine {
  engine = createEventEngine({
    database,
    lookup: (id) => subjects.get(id),
    retry: { attempts: options.attempts ?? 3, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 60_000 },
    minuteMs: options.minuteMs,
  })
  return engine
}

const change = (objectId: string) => ({ eventType: 'UPDATED', objectType: 'customers', objectId })

beforeEach(() => {
  database = new DatabaseSync(':memory:')
  subjects = new Map()
})

afterEach(async () => {
  await engine?.close()
  engine = undefined
  database.close()
})

describe('the sandbox event engine', () => {
  it('delivers a signed notification with its webhook id, and marks it NOTIFIED', async () => {
    const receiver = await startReceiver()
    subjects.set(7, subject(receiver.url))
    const outcome = start().simulateChange(7, change('cus_1'))
    expect(outcome.kind).toBe('recorded')
    await expect.poll(() => engine?.log.list('org-a', 7)[0]?.status, WAIT).toBe('NOTIFIED')
    expect(receiver.received).toHaveLength(1)
    const [delivery] = receiver.received
    expect(await verifyWebhookSignature(delivery?.body ?? '', delivery?.signature, KEY)).toBe(true)
    expect(delivery?.webhookId).toBe(engine?.log.list('org-a', 7)[0]?.webhookId)
    const event = parseWebhookEvent(delivery?.body ?? '')
    expect(event).toMatchObject({
      instanceId: 7,
      connectorKey: 'chargebee',
      events: [{ type: 'UPDATED', objectType: 'customers', objectId: 'cus_1' }],
    })
    expect(event.eventId).toBe(outcome.kind === 'recorded' ? outcome.eventId : '')
    await receiver.close()
  })

  it('retries a failing receiver with the same webhook id until it takes the event', async () => {
    const receiver = await startReceiver([500, 503])
    subjects.set(1, subject(receiver.url))
    start().simulateChange(1, change('cus_2'))
    await expect.poll(() => engine?.log.list('org-a', 1)[0]?.status, WAIT).toBe('NOTIFIED')
    expect(engine?.log.list('org-a', 1)[0]?.attempts).toBe(3)
    expect(new Set(receiver.received.map((r) => r.webhookId)).size).toBe(1)
    expect(receiver.received).toHaveLength(3)
    await receiver.close()
  })

  it('gives up after the last attempt: FAILED, with the reason', async () => {
    const receiver = await startReceiver([500, 500, 500, 500])
    subjects.set(1, subject(receiver.url))
    start().simulateChange(1, change('cus_3'))
    await expect.poll(() => engine?.log.list('org-a', 1)[0]?.status, WAIT).toBe('FAILED')
    expect(engine?.log.list('org-a', 1)[0]).toMatchObject({
      attempts: 3,
      lastError: 'the callback URL answered 500',
    })
    expect(receiver.received).toHaveLength(3)
    await receiver.close()
  })

  it('delivers nothing more once the instance is disabled, and nothing for a disabled one', async () => {
    const receiver = await startReceiver([500, 500, 500, 500])
    subjects.set(1, subject(receiver.url))
    start({ attempts: 10 }).simulateChange(1, change('cus_4'))
    await expect.poll(() => receiver.received.length, WAIT).toBeGreaterThanOrEqual(1)
    subjects.set(1, { ...subject(receiver.url), disabled: true })
    await expect.poll(() => engine?.log.list('org-a', 1)[0]?.status, WAIT).toBe('FAILED')
    const delivered = receiver.received.length
    expect(engine?.log.list('org-a', 1)[0]?.lastError).toMatch(/disabled/)
    expect(engine?.simulateChange(1, change('cus_5'))).toEqual({ kind: 'ignored' })
    expect(engine?.log.list('org-a', 1)).toHaveLength(1)
    expect(receiver.received).toHaveLength(delivered)
    await receiver.close()
  })

  it("delivers an instance's events one at a time, in the order they were recorded", async () => {
    const receiver = await startReceiver([500])
    subjects.set(1, subject(receiver.url))
    const running = start()
    for (const id of ['a', 'b', 'c', 'd']) running.simulateChange(1, change(id))
    await expect
      .poll(() => running.log.list('org-a', 1).every((e) => e.status === 'NOTIFIED'), WAIT)
      .toBe(true)
    const order = receiver.received.map((r) => parseWebhookEvent(r.body).events[0]?.objectId)
    expect(order).toEqual(['a', 'a', 'b', 'c', 'd'])
    expect(receiver.maxConcurrent()).toBe(1)
    await receiver.close()
  })

  it('turns the changes a polling instance finds into notifications of at most ten objects', async () => {
    const receiver = await startReceiver()
    subjects.set(
      3,
      subject(receiver.url, {
        'event.vendor.type': 'polling',
        'event.poller.refresh_interval': '1',
      }),
    )
    const running = start({ minuteMs: 10 })
    for (let n = 0; n < 12; n++) {
      expect(running.simulateChange(3, change(`obj_${n}`))).toEqual({
        kind: 'queued',
        pollInMinutes: 1,
      })
    }
    await expect.poll(() => receiver.received.length, WAIT).toBe(2)
    const sizes = receiver.received.map((r) => parseWebhookEvent(r.body).events.length)
    expect(sizes).toEqual([10, 2])
    await receiver.close()
  })

  it('delivers at least once: an attempt cut short by a stop is made again at the next start', async () => {
    const receiver = await startReceiver()
    subjects.set(1, subject(receiver.url))
    // The state a stop mid-attempt leaves: the event marked in flight, its outcome never written.
    const earlier = new EventLog(database)
    const pending = earlier.record({
      instanceId: 1,
      organization: 'org-a',
      connectorKey: 'chargebee',
      objects: [change('cus_6')],
    })
    earlier.settle(pending.eventId, {
      status: 'DISPATCHED',
      attempts: 1,
      nextAttemptAt: null,
      lastError: null,
    })
    expect(earlier.due(Date.now() + 3_600_000)).toEqual([])
    start()
    await expect
      .poll(() => engine?.log.get('org-a', pending.eventId)?.status, WAIT)
      .toBe('NOTIFIED')
    expect(engine?.log.get('org-a', pending.eventId)?.attempts).toBe(2)
    expect(receiver.received.map((r) => r.webhookId)).toEqual([pending.webhookId])
    await receiver.close()
  })
})
