import * as v from 'valibot'
import { describe, expectTypeOf, it } from 'vitest'
import { commonEntries } from './common-entries.js'

describe('commonEntries types', () => {
  it('types a configuration as if the entries were written out', () => {
    const spread = v.strictObject({
      site: v.string(),
      ...commonEntries('event.vendor.type', 'event.notification.callback.url'),
    })
    expectTypeOf<v.InferInput<typeof spread>>().toEqualTypeOf<{
      site: string
      'event.vendor.type'?: string | undefined
      'event.notification.callback.url'?: string | undefined
    }>()
    expectTypeOf(spread.entries['event.vendor.type']).toEqualTypeOf(
      commonEntries('event.vendor.type')['event.vendor.type'],
    )
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
