import { describe, expectTypeOf, it } from 'vitest'
import { createPlatformClient } from './client/create-client.js'
import type { HookRequest } from './client/options.js'
import type { ConfigurationEntryRecord, Instance } from './instance.js'
import { acme } from './test-support/connectors.js'

const client = createPlatformClient({
  baseUrl: 'http://127.0.0.1:1/your_moms/api-v2',
  userSecret: 'u',
  organizationSecret: 'o',
  hooks: {
    beforeRequest: [
      ({ request }) => {
        expectTypeOf(request).toEqualTypeOf<HookRequest>()
      },
    ],
  },
})

describe('one instance resource, two forms', () => {
  it('takes the id first by id, and no id in the token-scoped form', async () => {
    const scoped = client.forInstance('token').instance
    expectTypeOf(
      await client.instances.getConfiguration(1, 'site'),
    ).toEqualTypeOf<ConfigurationEntryRecord>()
    expectTypeOf(await scoped.getConfiguration('site')).toEqualTypeOf<ConfigurationEntryRecord>()
    expectTypeOf(await scoped.get()).toEqualTypeOf<Instance>()
    expectTypeOf(
      (await scoped.update({ name: 'n' }, acme)).configuration.site,
    ).toEqualTypeOf<string>()
    // @ts-expect-error the by-id form needs the id
    await client.instances.get()
    // @ts-expect-error the token-scoped form takes no id
    await scoped.get(1)
    // @ts-expect-error a configuration value is a string or null
    await scoped.setConfiguration('site', 42)
  })
})
