import { chargebee } from '@plugboard/connector-chargebee'
import { createPlatformClient, type PlatformClient, PlatformError } from '@plugboard/core'
import { parseWebhookEvent, verifyWebhookSignature } from '@plugboard/core/events'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SANDBOX_ORGANIZATION_SECRET, SANDBOX_USER_SECRET } from '../constants.js'
import { type RunningSandbox, startSandbox } from '../server.js'
import { simulateVendorChange, type VendorChange } from './simulate.js'
import { startTestReceiver } from './test-receiver.js'

const KEY = 'sig-KEY-delivery-test'
const WAIT = { timeout: 120_000, interval: 10 }

let running: RunningSandbox
let client: PlatformClient

beforeEach(async () => {
  running = await startSandbox({
    events: {
      retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 60_000 },
      minuteMs: 20,
    },
  })
  client = createPlatformClient({
    baseUrl: running.baseUrl,
    userSecret: SANDBOX_USER_SECRET,
    organizationSecret: SANDBOX_ORGANIZATION_SECRET,
    retry: 0,
  })
})

afterEach(() => running.close())

/** A Chargebee instance with webhook events at `url`, signed with {@link KEY}. */
async function webhookInstance(url: string) {
  const instance = await client.provision(chargebee, {
    name: 'Acme billing',
    configuration: { site: 'acme-test', username: 'test_key' },
  })
  await client.instances.enableEvents(instance.id, {
    mode: 'webhook',
    callbackUrl: url,
    signatureKey: KEY,
  })
  return instance
}

const change = (objectId: string): VendorChange => ({
  objectType: 'customers',
  objectId,
  eventType: 'UPDATED',
})

function trigger(instanceId: number, objectId: string) {
  return simulateVendorChange({
    baseUrl: running.baseUrl,
    userSecret: SANDBOX_USER_SECRET,
    organizationSecret: SANDBOX_ORGANIZATION_SECRET,
    instanceId,
    change: change(objectId),
  })
}

const statusesOf = async (id: number) => (await client.instances.events(id)).map((e) => e.status)

describe('the sandbox delivers events over HTTP', () => {
  it('POSTs a signed notification with its webhook id; the event log shows it NOTIFIED', async () => {
    const receiver = await startTestReceiver()
    const instance = await webhookInstance(receiver.url)
    const result = await trigger(instance.id, 'cus_1')
    expect(result.outcome).toBe('recorded')
    await expect.poll(() => statusesOf(instance.id), WAIT).toEqual(['NOTIFIED'])
    const [delivery] = receiver.received
    expect(await verifyWebhookSignature(delivery?.body ?? '', delivery?.signature, KEY)).toBe(true)
    const event = parseWebhookEvent(delivery?.body ?? '')
    expect(event).toMatchObject({
      eventId: result.outcome === 'recorded' ? result.eventId : '',
      instanceId: instance.id,
      connectorKey: 'chargebee',
      events: [{ type: 'UPDATED', objectType: 'customers', objectId: 'cus_1' }],
    })
    const [record] = await client.instances.events(instance.id)
    expect(record).toMatchObject({ id: event.eventId, attempts: 1, webhookId: delivery?.webhookId })
    await receiver.close()
  })

  it('retries a failing receiver, with the same webhook id each time (at least once)', async () => {
    const receiver = await startTestReceiver([500, 503])
    const instance = await webhookInstance(receiver.url)
    await trigger(instance.id, 'cus_2')
    await expect.poll(() => statusesOf(instance.id), WAIT).toEqual(['NOTIFIED'])
    expect(receiver.received).toHaveLength(3)
    expect(new Set(receiver.received.map((r) => r.webhookId)).size).toBe(1)
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1)
    expect((await client.instances.events(instance.id))[0]).toMatchObject({ attempts: 3 })
    await receiver.close()
  })

  it('ends FAILED with the reason after the last attempt', async () => {
    const receiver = await startTestReceiver([500, 500, 500])
    const instance = await webhookInstance(receiver.url)
    await trigger(instance.id, 'cus_3')
    await expect.poll(() => statusesOf(instance.id), WAIT).toEqual(['FAILED'])
    expect((await client.instances.events(instance.id))[0]).toMatchObject({
      attempts: 3,
      lastError: 'the callback URL answered 500',
    })
    expect(receiver.received).toHaveLength(3)
    await receiver.close()
  })

  it('delivers nothing more once the instance is disabled', async () => {
    const receiver = await startTestReceiver([500, 500, 500])
    const instance = await webhookInstance(receiver.url)
    const arrived = receiver.hold()
    await trigger(instance.id, 'cus_4')
    await arrived // the first attempt is in flight
    await client.instances.disable(instance.id)
    receiver.release() // it fails; a retry would be due at once
    await expect.poll(() => statusesOf(instance.id), WAIT).toEqual(['FAILED'])
    expect((await client.instances.events(instance.id))[0]?.lastError).toMatch(/disabled/)
    expect(receiver.received).toHaveLength(1)
    const refused = await trigger(instance.id, 'cus_5').catch((error: unknown) => error)
    expect(PlatformError.isInstance(refused) && refused.status).toBe(409)
    await receiver.close()
  })

  it('delivers nothing more once the instance is deleted, and forgets its events', async () => {
    const receiver = await startTestReceiver([500, 500, 500])
    const doomed = await webhookInstance(receiver.url)
    const other = await webhookInstance(receiver.url)
    const arrived = receiver.hold()
    const first = await trigger(doomed.id, 'cus_6')
    await arrived
    await client.instances.delete(doomed.id)
    receiver.release()
    // Another instance's event, delivered after the deleted one's retry would have been due.
    await trigger(other.id, 'cus_7')
    await expect.poll(() => statusesOf(other.id), WAIT).toEqual(['NOTIFIED'])
    const ids = receiver.received.map((r) => parseWebhookEvent(r.body).instanceId)
    expect(ids.filter((id) => id === doomed.id)).toHaveLength(1)
    const gone = await fetch(
      `${running.baseUrl}/instances/events/${first.outcome === 'recorded' ? first.eventId : ''}`,
      { headers: { authorization: running.authorization } },
    )
    expect(gone.status).toBe(404)
    await receiver.close()
  })

  it("delivers an instance's events one at a time, in the order they were recorded", async () => {
    const receiver = await startTestReceiver([500])
    const instance = await webhookInstance(receiver.url)
    for (const id of ['a', 'b', 'c']) await trigger(instance.id, id)
    await expect
      .poll(() => statusesOf(instance.id), WAIT)
      .toEqual(['NOTIFIED', 'NOTIFIED', 'NOTIFIED'])
    const order = receiver.received.map((r) => parseWebhookEvent(r.body).events[0]?.objectId)
    expect(order).toEqual(['a', 'a', 'b', 'c'])
    await receiver.close()
  })

  it('a polling instance sends the changes it finds on its interval', async () => {
    const receiver = await startTestReceiver()
    const instance = await client.provision(chargebee, {
      name: 'Polled billing',
      configuration: { site: 'acme-test', username: 'test_key' },
    })
    await client.instances.enableEvents(instance.id, {
      mode: 'polling',
      callbackUrl: receiver.url,
      refreshIntervalMinutes: 1,
      resources: { customers: { url: '/hubs/payment/customers', idField: 'id' } },
    })
    expect(await trigger(instance.id, 'cus_8')).toEqual({ outcome: 'queued', pollInMinutes: 1 })
    expect(await trigger(instance.id, 'cus_9')).toEqual({ outcome: 'queued', pollInMinutes: 1 })
    // One poll or two, depending on when the interval ends: every change arrives, in order.
    const delivered = () =>
      receiver.received.flatMap((r) => parseWebhookEvent(r.body).events.map((e) => e.objectId))
    await expect.poll(delivered, WAIT).toEqual(['cus_8', 'cus_9'])
    await expect
      .poll(async () => (await statusesOf(instance.id)).every((s) => s === 'NOTIFIED'), WAIT)
      .toBe(true)
    expect(receiver.received[0]?.signature).toBeUndefined()
    await receiver.close()
  })
})
