import { chargebee } from '@plugboard/connector-chargebee'
import { ConfigurationError, PlatformError, ResponseValidationError } from '@plugboard/core'
import { VOCABULARIES } from '@plugboard/core/protocol'
import { describe, expect, it } from 'vitest'
import { API_KEY, provisionChargebee, rejection, useContractSandbox } from './harness.js'

describe.each(VOCABULARIES)(
  'contract: the client against the sandbox, in the %s vocabulary',
  (vocabulary) => {
    const setup = useContractSandbox(vocabulary)

    it('provisions an instance typed by its connector, the API key echoed, the token returned', async () => {
      const instance = await provisionChargebee(setup.client, 'Provisioned', ['billing'])
      expect(instance.token).toMatch(/\S{20,}/)
      expect(instance.connector?.key).toBe('chargebee')
      expect(instance.configuration.site).toBe('acme-test')
      expect(instance.configuration.username).toBe(API_KEY)
      expect(instance.configuration['base.url']).toBe(chargebee.defaults['base.url'])
      expect(instance.tags).toEqual(['billing'])
    })

    it('refuses a configuration before sending, and the sandbox refuses what the client would', async () => {
      const refused = await rejection(
        setup.client.provision(chargebee, {
          name: 'x',
          configuration: { site: 'acme-test' } as never,
        }),
      )
      expect(ConfigurationError.isInstance(refused)).toBe(true)
    })

    it('lists one page, then the next, and iterates over every instance', async () => {
      const tag = `page-${vocabulary}`
      const ids: number[] = []
      for (let index = 0; index < 3; index++) {
        ids.push((await provisionChargebee(setup.client, `Paged ${index}`, [tag])).id)
      }
      const first = await setup.client.instances.list({ tags: [tag], pageSize: 2 })
      expect(first.instances.map((instance) => instance.id)).toEqual(ids.slice(0, 2))
      expect(first.nextPage).toBeTypeOf('string')
      const second = await setup.client.instances.list({
        tags: [tag],
        pageSize: 2,
        nextPage: first.nextPage,
      })
      expect(second.instances.map((instance) => instance.id)).toEqual(ids.slice(2))
      expect(second.nextPage).toBeUndefined()
      const all: number[] = []
      for await (const instance of setup.client.instances.iterate({ tags: [tag], pageSize: 1 })) {
        all.push(instance.id)
      }
      expect(all).toEqual(ids)
      const found = await setup.client.instances.list({ searchText: 'Paged 1' })
      expect(found.instances.map((instance) => instance.id)).toEqual([ids[1]])
    })

    it('gets an instance, generic or typed by its connector', async () => {
      const { id, token } = await provisionChargebee(setup.client, 'Fetched')
      const generic = await setup.client.instances.get(id)
      expect(generic).toMatchObject({ id, name: 'Fetched' })
      expect(generic.token).toBe(token)
      const typed = await setup.client.instances.get(String(id), chargebee)
      expect(typed.configuration['pagination.max']).toBe('100')
    })

    it('updates, patches and deletes an instance by id', async () => {
      const { id } = await provisionChargebee(setup.client, 'Before', ['a'])
      const updated = await setup.client.instances.update(
        id,
        { name: 'Replaced', configuration: { site: 'acme-live', username: API_KEY }, tags: ['b'] },
        chargebee,
      )
      expect(updated).toMatchObject({ name: 'Replaced', tags: ['b'] })
      expect(updated.configuration.site).toBe('acme-live')
      const patched = await setup.client.instances.patch(id, { tags: ['c'] })
      expect(patched).toMatchObject({ name: 'Replaced', tags: ['c'] })
      await setup.client.instances.delete(id)
      const gone = await rejection(setup.client.instances.get(id))
      expect(PlatformError.isInstance(gone) && gone.status).toBe(404)
    })

    it('lists, gets and sets configuration entries by id or key', async () => {
      const { id } = await provisionChargebee(setup.client, 'Configured')
      const entries = await setup.client.instances.configuration(id)
      const site = entries.find((entry) => entry.key === 'site')
      expect(site?.propertyValue).toBe('acme-test')
      expect(entries.find((entry) => entry.key === 'username')?.propertyValue).toBe(API_KEY)
      expect(await setup.client.instances.getConfiguration(id, site?.id ?? 0)).toEqual(site)
      expect(await setup.client.instances.getConfiguration(id, 'site')).toEqual(site)
      const set = await setup.client.instances.setConfiguration(id, 'site', 'acme-other')
      expect(set).toMatchObject({ key: 'site', propertyValue: 'acme-other' })
      expect((await setup.client.instances.get(id, chargebee)).configuration.site).toBe(
        'acme-other',
      )
      const missing = await rejection(setup.client.instances.getConfiguration(id, 'nothing'))
      expect(PlatformError.isInstance(missing) && missing.status).toBe(404)
    })

    it('disables and enables an instance', async () => {
      const { id, token } = await provisionChargebee(setup.client, 'Toggled')
      await setup.client.instances.disable(id)
      expect((await setup.client.instances.get(id)).disabled).toBe(true)
      const refused = await rejection(setup.client.forInstance(token).get('hubs/payment/customers'))
      expect(PlatformError.isInstance(refused) && refused.status).toBe(403)
      await setup.client.instances.enable(id)
      expect((await setup.client.instances.get(id)).disabled).toBe(false)
    })

    it('reads a connector descriptor, its parameters normalized', async () => {
      const descriptor = await setup.client.connectors.get('chargebee')
      expect(descriptor).toMatchObject({
        id: chargebee.descriptor.id,
        key: 'chargebee',
        hub: 'payment',
      })
      expect(descriptor.parameters?.[0]?.connectorId).toBe(chargebee.descriptor.id)
      const unknown = await rejection(setup.client.connectors.get('nosuch'))
      expect(PlatformError.isInstance(unknown) && unknown.status).toBe(404)
    })

    it('parses what it gets with the connector given, refusing another connector', async () => {
      const { id } = await provisionChargebee(setup.client, 'Checked')
      const { stripe } = await import('@plugboard/connector-stripe')
      const error = await rejection(setup.client.instances.get(id, stripe))
      expect(ResponseValidationError.isInstance(error)).toBe(true)
      expect((error as ResponseValidationError).fieldPath).toBe(`${vocabulary}.key`)
    })
  },
)
