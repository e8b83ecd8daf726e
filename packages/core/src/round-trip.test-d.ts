import { describe, expectTypeOf, it } from 'vitest'
import { createPlatformClient } from './client/create-client.js'
import type { InstanceUpdate, InstanceUser } from './instance.js'
import { acme } from './test-support/connectors.js'

const client = createPlatformClient({
  baseUrl: 'http://127.0.0.1:1/your_moms/api-v2',
  userSecret: 'u',
  organizationSecret: 'o',
})

describe('the GET → PUT round trip, at the type level', () => {
  it('accepts what GET returned, typed by the connector, as the update configuration', async () => {
    const current = await client.instances.get(1, acme)
    expectTypeOf<{
      name: string
      configuration: typeof current.configuration
    }>().toExtend<InstanceUpdate>()
  })

  it('types the instance owner and leaves out what an unhydrated answer may lack', async () => {
    const instance = await client.instances.get(1)
    expectTypeOf(instance.user).toEqualTypeOf<InstanceUser | undefined>()
    expectTypeOf(instance.connector?.key).toEqualTypeOf<string | undefined>()
    expectTypeOf(instance.configuration).not.toBeUndefined()
  })
})
