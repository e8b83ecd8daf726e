import { describe, expect, it } from 'vitest'
import { parseWebhookEvent } from './event.js'
import { WebhookPayloadError } from './webhook-errors.js'

describe('parseWebhookEvent', () => {
  it('normalises a notification and keeps every field of the body in raw', () => {
    const body = {
      message: {
        eventId: 'ev-1',
        instanceId: 42,
        elementKey: 'chargebee',
        vendorField: { nested: true },
        events: [
          {
            eventType: 'updated',
            objectType: 'customers',
            objectId: 77,
            date: '2026-11-25T10:00:00Z',
          },
          { event_type: 'DELETED', event_object_type: 'invoices', event_object_id: 'inv_9' },
          {},
        ],
      },
      extra: 1,
    }
    const event = parseWebhookEvent(JSON.stringify(body))
    expect(event).toEqual({
      eventId: 'ev-1',
      instanceId: 42,
      connectorKey: 'chargebee',
      events: [
        { type: 'UPDATED', objectType: 'customers', objectId: '77', date: '2026-11-25T10:00:00Z' },
        { type: 'DELETED', objectType: 'invoices', objectId: 'inv_9', date: undefined },
        { type: 'UNKNOWN', objectType: undefined, objectId: undefined, date: undefined },
      ],
      raw: body,
    })
  })

  it("reads the spec vocabulary's key field and a numeric-text instance id", () => {
    const event = parseWebhookEvent({
      message: { eventId: 5, instance_id: '12', your_momKey: 'stripe' },
    })
    expect(event).toMatchObject({
      eventId: '5',
      instanceId: 12,
      connectorKey: 'stripe',
      events: [],
    })
  })

  it('gives a typed error naming what is wrong, for a body that is not JSON or not a notification', () => {
    const cases: [unknown, RegExp][] = [
      ['{"message":', /not JSON/],
      ['[]', /message/],
      [{ message: {} }, /message\.eventId: missing/],
      [{ message: { eventId: '' } }, /message\.eventId/],
      [{ message: { eventId: 'e', events: 'many' } }, /message\.events/],
    ]
    for (const [body, problem] of cases) {
      let caught: unknown
      try {
        parseWebhookEvent(body)
      } catch (error) {
        caught = error
      }
      expect(WebhookPayloadError.isInstance(caught), String(body)).toBe(true)
      expect((caught as Error).message).toMatch(problem)
    }
  })
})
