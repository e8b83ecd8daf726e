import * as v from 'valibot'
import { describe, expectTypeOf, it } from 'vitest'
import { commonEntries } from './common-entries.js'

describe('commonEntries types', () => {
  it('keeps a configuration type what it is with the entries written out', () => {
    const spread = v.strictObject({
      site: v.string(),
      ...commonEntries('event.vendor.type', 'event.notification.callback.url'),
    })
    const written = v.strictObject({
      site: v.string(),
      'event.vendor.type': v.optional(
        v.pipe(
          v.string('expected Event Type as a string'),
          v.nonEmpty('expected Event Type'),
          v.maxLength(32, 'expected at most 32 characters'),
          v.description('"polling" or "webhook": how changes at the vendor are found.'),
        ),
      ),
      'event.notification.callback.url': v.optional(
        v.pipe(
          v.string('expected Event Notification Callback URL as a string'),
          v.nonEmpty('expected Event Notification Callback URL'),
          v.maxLength(1000, 'expected at most 1000 characters'),
          v.description('Where the platform POSTs each event notification.'),
        ),
      ),
    })
    expectTypeOf<v.InferInput<typeof spread>>().toEqualTypeOf<v.InferInput<typeof written>>()
    expectTypeOf<v.InferInput<typeof spread>>().toEqualTypeOf<{
      site: string
      'event.vendor.type'?: string | undefined
      'event.notification.callback.url'?: string | undefined
    }>()
    expectTypeOf(spread.entries).toEqualTypeOf(written.entries)
  })

  it('types each entry as the platform takes it, and only the keys asked for', () => {
    const config = v.strictObject({
      ...commonEntries('event.notification.enabled', 'filter.response.nulls'),
      ...commonEntries('event.poller.refresh_interval', 'event.notification.signature.key'),
    })
    expectTypeOf<v.InferInput<typeof config>>().toEqualTypeOf<{
      'event.notification.enabled'?: boolean | 'true' | 'false' | undefined
      'filter.response.nulls'?: boolean | 'true' | 'false' | undefined
      'event.poller.refresh_interval'?: string | undefined
      'event.notification.signature.key'?: string | undefined
    }>()
    // @ts-expect-error base.url is the connector's own entry, not a shared one
    commonEntries('base.url')
  })
})
