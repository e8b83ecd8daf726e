import { describe, expectTypeOf, it } from 'vitest'
import { createPlatformClient } from './client/create-client.js'
import type { GenericInstanceConfiguration, Instance, ProvisionedInstance } from './instance.js'
import { createRegistry } from './registry.js'
import { acme, globex } from './test-support/connectors.js'

const client = createPlatformClient({
  baseUrl: 'http://127.0.0.1:1/your_moms/api-v2',
  userSecret: 'u',
  organizationSecret: 'o',
})

describe('platform client types', () => {
  it('types a provisioned instance per connector', async () => {
    const instance = await client.provision(acme, {
      name: 'n',
      configuration: { site: 'acme-test', apiKey: 'acme_key_1' },
    })
    expectTypeOf(instance).toEqualTypeOf<ProvisionedInstance<typeof acme>>()
    expectTypeOf(instance.token).toEqualTypeOf<string>()
    expectTypeOf(instance.configuration.site).toEqualTypeOf<string>()
    expectTypeOf(instance.configuration['pagination.max']).toEqualTypeOf<number>()
    expectTypeOf(instance.configuration.region).toEqualTypeOf<string | null | undefined>()

    const other = await client.provision(globex, { name: 'n', configuration: { token: 't' } })
    expectTypeOf(other.configuration.token).toEqualTypeOf<string>()
    // @ts-expect-error globex instances have no site entry
    other.configuration.site satisfies string
  })

  it('refuses a wrong configuration key or value type at compile time', async () => {
    await client.provision(acme, {
      name: 'n',
      // @ts-expect-error `siet` is not an acme entry
      configuration: { siet: 'acme-test', apiKey: 'acme_key_1' },
    })
    await client.provision(acme, {
      name: 'n',
      // @ts-expect-error `site` must be a string
      configuration: { site: 42, apiKey: 'acme_key_1' },
    })
    await client.provision(acme, {
      name: 'n',
      // @ts-expect-error `region` is 'eu' or 'us'
      configuration: { site: 'acme-test', apiKey: 'acme_key_1', region: 'mars' },
    })
    // @ts-expect-error `apiKey` is required
    await client.provision(acme, { name: 'n', configuration: { site: 'acme-test' } })
  })

  it('provisions with a connector looked up in a registry, typed exactly', async () => {
    const registry = createRegistry().register(acme).register(globex)
    const instance = await client.provision(registry.get('acme'), {
      name: 'n',
      configuration: { site: 'acme-test', apiKey: 'acme_key_1' },
    })
    expectTypeOf(instance.configuration['pagination.max']).toEqualTypeOf<number>()
  })

  it('types managed instances generically or per connector', async () => {
    expectTypeOf(await client.instances.get(1)).toEqualTypeOf<Instance>()
    expectTypeOf(
      (await client.instances.get(1)).configuration,
    ).toEqualTypeOf<GenericInstanceConfiguration>()
    const typed = await client.instances.get(1, acme)
    expectTypeOf(typed.configuration['pagination.max']).toEqualTypeOf<number>()
    const scoped = client.forInstance('token')
    expectTypeOf(await scoped.get('hubs/payment/customers')).toEqualTypeOf<unknown>()
    expectTypeOf((await scoped.instance.get(acme)).configuration.site).toEqualTypeOf<string>()
    for await (const instance of client.instances.iterate()) {
      expectTypeOf(instance).toEqualTypeOf<Instance>()
    }
  })
})
