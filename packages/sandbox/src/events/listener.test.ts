import { createPlatformClient } from '@plugboard/core'
import { signWebhookBody } from '@plugboard/core/events'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SANDBOX_ORGANIZATION_SECRET, SANDBOX_USER_SECRET } from '../constants.js'
import { type RunningSandbox, startSandbox } from '../server.js'
import {
  describeListenedEvent,
  type ListenedEvent,
  type RejectedCallback,
  type RunningEventListener,
  startEventListener,
} from './listener.js'
import { simulateVendorChange } from './simulate.js'
import { startTestReceiver } from './test-receiver.js'

const KEY = 'sig-KEY-listener-test'
const WAIT = { timeout: 120_000, interval: 10 }
const BODY = JSON.stringify({
  message: { eventId: 'e-1', instanceId: 4, elementKey: 'chargebee', events: [] },
})

let listener: RunningEventListener
let events: ListenedEvent[]
let rejections: RejectedCallback[]

async function listen(options: Parameters<typeof startEventListener>[0] = {}) {
  events = []
  rejections = []
  listener = await startEventListener({
    signatureKey: KEY,
    ...options,
    onEvent: (event) => events.push(event),
    onRejected: (rejection) => rejections.push(rejection),
  })
}

const post = (headers: Record<string, string>, body = BODY) =>
  fetch(listener.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  })

afterEach(() => listener.close())

describe('the event listener checks signatures over HTTP', () => {
  beforeEach(() => listen())

  it('takes a callback signed with the key', async () => {
    const response = await post({
      'elements-webhook-signature': await signWebhookBody(BODY, KEY),
      'elements-webhook-id': 'w-1',
    })
    expect(response.status).toBe(204)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ webhookId: 'w-1', verified: true, repeat: false })
    expect(describeListenedEvent(events[0] as ListenedEvent)).toContain('event e-1 instance 4')
  })

  it('refuses a tampered body, a wrong key and a missing header (401), and says why', async () => {
    const signature = await signWebhookBody(BODY, KEY)
    const tampered = await post({ 'elements-webhook-signature': signature }, BODY.replace('4', '5'))
    const wrongKey = await post({
      'elements-webhook-signature': await signWebhookBody(BODY, 'another-key'),
    })
    const missing = await post({})
    expect([tampered.status, wrongKey.status, missing.status]).toEqual([401, 401, 401])
    expect(events).toEqual([])
    expect(rejections.map((r) => r.reason)).toEqual([
      expect.stringMatching(/does not match/),
      expect.stringMatching(/does not match/),
      expect.stringMatching(/no Elements-Webhook-Signature header/),
    ])
    expect(JSON.stringify(rejections)).not.toContain(KEY)
    expect(JSON.stringify(rejections)).not.toContain(signature)
  })

  it('marks a repeated webhook id as a repeat', async () => {
    const headers = {
      'elements-webhook-signature': await signWebhookBody(BODY, KEY),
      'elements-webhook-id': 'w-2',
    }
    await post(headers)
    await post(headers)
    expect(events.map((e) => e.repeat)).toEqual([false, true])
  })
})

describe('forwarding', () => {
  it("passes a verified callback on, and answers with the handler's status", async () => {
    const handler = await startTestReceiver([500])
    await listen({ forwardTo: handler.url })
    const signature = await signWebhookBody(BODY, KEY)
    const first = await post({
      'elements-webhook-signature': signature,
      'elements-webhook-id': 'w',
    })
    const second = await post({
      'elements-webhook-signature': signature,
      'elements-webhook-id': 'w',
    })
    expect([first.status, second.status]).toEqual([500, 200])
    expect(handler.received).toEqual([
      { body: BODY, signature, webhookId: 'w' },
      { body: BODY, signature, webhookId: 'w' },
    ])
    expect(events.map((e) => e.forwarded)).toEqual([{ status: 500 }, { status: 200 }])
    await handler.close()
  })
})

describe('end to end: Chargebee on a sandbox, events to a listener', () => {
  let running: RunningSandbox

  beforeEach(async () => {
    running = await startSandbox()
  })

  afterEach(() => running.close())

  it('delivers a simulated change as a verified event', async () => {
    await listen()
    // Provisioned with events on, in one request, as the platform takes it.
    const provisioned = await fetch(`${running.baseUrl}/instances`, {
      method: 'POST',
      headers: { authorization: running.authorization, 'content-type': 'application/json' },
      body: JSON.stringify({
        your_mom: { key: 'chargebee' },
        name: 'Acme billing',
        configuration: {
          site: 'acme-test',
          username: 'test_key',
          'event.notification.enabled': 'true',
          'event.vendor.type': 'webhook',
          'event.notification.callback.url': listener.url,
          'event.notification.signature.key': KEY,
        },
      }),
    })
    expect(provisioned.status).toBe(200)
    const instance = (await provisioned.json()) as { id: number; configuration: object }
    expect(JSON.stringify(instance)).not.toContain(KEY)
    const result = await simulateVendorChange({
      baseUrl: running.baseUrl,
      userSecret: SANDBOX_USER_SECRET,
      organizationSecret: SANDBOX_ORGANIZATION_SECRET,
      instanceId: instance.id,
      change: { objectType: 'customers', objectId: 'cus_42', eventType: 'CREATED' },
    })
    await expect.poll(() => events.length, WAIT).toBe(1)
    expect(rejections).toEqual([])
    expect(events[0]).toMatchObject({
      verified: true,
      event: {
        eventId: result.outcome === 'recorded' ? result.eventId : '',
        instanceId: instance.id,
        connectorKey: 'chargebee',
        events: [{ type: 'CREATED', objectType: 'customers', objectId: 'cus_42' }],
      },
    })
    const client = createPlatformClient({
      baseUrl: running.baseUrl,
      userSecret: SANDBOX_USER_SECRET,
      organizationSecret: SANDBOX_ORGANIZATION_SECRET,
    })
    await expect
      .poll(async () => (await client.instances.events(instance.id))[0]?.status, WAIT)
      .toBe('NOTIFIED')
  })
})
