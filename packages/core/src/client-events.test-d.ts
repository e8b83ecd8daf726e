import { describe, expectTypeOf, it } from 'vitest'
import { createPlatformClient } from './client/create-client.js'
import type { EventConfiguration } from './events/configuration.js'
import type { Instance } from './instance.js'
import type { InstanceEventRecord } from './protocol/event-schemas.js'

const client = createPlatformClient({
  baseUrl: 'http://127.0.0.1:1/your_moms/api-v2',
  userSecret: 'u',
  organizationSecret: 'o',
})
const setup = { mode: 'webhook', callbackUrl: 'https://app.example.com/events' } as const

describe('the event helpers, in both instance forms', () => {
  it('take the id first by id, and no id with a token', async () => {
    const scoped = client.forInstance('token').instance
    expectTypeOf(await client.instances.enableEvents(1, setup)).toEqualTypeOf<Instance>()
    expectTypeOf(await scoped.enableEvents(setup)).toEqualTypeOf<Instance>()
    expectTypeOf(await client.instances.disableEvents(1)).toEqualTypeOf<Instance>()
    expectTypeOf(await scoped.disableEvents()).toEqualTypeOf<Instance>()
    expectTypeOf(await client.instances.events(1)).toEqualTypeOf<InstanceEventRecord[]>()
    expectTypeOf(await scoped.events()).toEqualTypeOf<InstanceEventRecord[]>()
    expectTypeOf(await scoped.getEvent('e1')).toEqualTypeOf<InstanceEventRecord>()
    expectTypeOf(client.instances.enableEvents).parameter(1).toEqualTypeOf<EventConfiguration>()
  })

  it('refuse a set-up that is neither polling nor webhook, and polling without resources', () => {
    // @ts-expect-error: no such mode
    void client.instances.enableEvents(1, { mode: 'push', callbackUrl: 'https://a.test' })
    // @ts-expect-error: polling needs its resources
    void client.instances.enableEvents(1, { mode: 'polling', callbackUrl: 'https://a.test' })
    // @ts-expect-error: the token form takes no id
    void client.forInstance('t').instance.disableEvents(1)
  })
})
