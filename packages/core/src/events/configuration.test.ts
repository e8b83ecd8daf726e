import { describe, expect, it } from 'vitest'
import { InvalidArgumentError } from '../index.js'
import { EVENTS_OFF, eventEntries } from './configuration.js'

const CALLBACK = 'https://app.example.com/platform-events'

describe('eventEntries', () => {
  it('writes a polling set-up as the platform entries, the poller configuration as JSON text', () => {
    const resources = {
      customers: {
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the platform's own placeholder
        url: "/hubs/payment/customers?where=updated_at>='${date}'",
        idField: 'id',
        datesConfiguration: { updatedDateField: 'updated_at', updatedDateFormat: 'epoch' },
      },
    }
    const entries = eventEntries({
      mode: 'polling',
      callbackUrl: CALLBACK,
      signatureKey: 'k-1',
      refreshIntervalMinutes: 5,
      resources,
    })
    expect(entries).toEqual({
      'event.notification.enabled': 'true',
      'event.vendor.type': 'polling',
      'event.notification.callback.url': CALLBACK,
      'event.notification.signature.key': 'k-1',
      'event.poller.refresh_interval': '5',
      'event.poller.configuration': JSON.stringify(resources),
    })
    expect(JSON.parse(entries['event.poller.configuration'] ?? '')).toEqual(resources)
  })

  it('writes a webhook set-up without poller entries, and turns events off with one entry', () => {
    expect(eventEntries({ mode: 'webhook', callbackUrl: CALLBACK })).toEqual({
      'event.notification.enabled': 'true',
      'event.vendor.type': 'webhook',
      'event.notification.callback.url': CALLBACK,
    })
    expect(EVENTS_OFF).toEqual({ 'event.notification.enabled': 'false' })
  })

  it('refuses what the platform could not use, naming the argument', () => {
    const cases: [Parameters<typeof eventEntries>[0], string][] = [
      [{ mode: 'webhook', callbackUrl: 'ftp://x.example/cb' }, 'callbackUrl'],
      [{ mode: 'webhook', callbackUrl: '/relative' }, 'callbackUrl'],
      [{ mode: 'webhook', callbackUrl: CALLBACK, signatureKey: '' }, 'signatureKey'],
      [{ mode: 'polling', callbackUrl: CALLBACK, resources: {} }, 'resources'],
      [
        { mode: 'polling', callbackUrl: CALLBACK, refreshIntervalMinutes: 0.5, resources: {} },
        'refreshIntervalMinutes',
      ],
      [
        { mode: 'polling', callbackUrl: CALLBACK, resources: { a: { url: 'x', idField: 'id' } } },
        'resources',
      ],
    ]
    for (const [configuration, argument] of cases) {
      let caught: unknown
      try {
        eventEntries(configuration)
      } catch (error) {
        caught = error
      }
      expect(InvalidArgumentError.isInstance(caught), argument).toBe(true)
      expect((caught as InvalidArgumentError).argument).toBe(argument)
    }
  })
})
