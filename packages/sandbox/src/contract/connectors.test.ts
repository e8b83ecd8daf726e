import { ConfigurationError, connectorFromDescription, PlatformError } from '@plugboard/core'
import { MASK, VOCABULARIES } from '@plugboard/core/protocol'
import { describe, expect, it } from 'vitest'
import { rejection, useContractSandbox } from './harness.js'

describe.each(VOCABULARIES)(
  'contract: the connector catalogue, in the %s vocabulary',
  (vocabulary) => {
    const setup = useContractSandbox(vocabulary)

    it('lists, pages and filters the catalogue, and gets descriptors by key or id', async () => {
      const crm = await setup.client.connectors.list({ hub: 'crm', pageSize: 5 })
      expect(crm.connectors).toHaveLength(5)
      expect(crm.connectors.every((connector) => connector.hub === 'crm')).toBe(true)
      const next = await setup.client.connectors.list({ hub: 'crm', nextPage: crm.nextPage })
      expect(next.connectors[0]?.key).not.toBe(crm.connectors[0]?.key)
      expect(await setup.client.connectors.keys()).toContain('pipedrive')
      const pipedrive = await setup.client.connectors.get('pipedrive')
      expect((await setup.client.connectors.get(pipedrive.id)).key).toBe('pipedrive')
      const unknown = await rejection(setup.client.connectors.get('nosuchthing'))
      expect(PlatformError.isInstance(unknown) && unknown.status).toBe(404)
    })

    it('provisions through a connector built from the platform description', async () => {
      const connector = connectorFromDescription({
        connector: await setup.client.connectors.get('pipedrive'),
        configuration: await setup.client.connectors.configuration('pipedrive'),
      })
      const refused = await rejection(
        setup.client.provision(connector, { name: 'Sales', configuration: {} }),
      )
      expect(ConfigurationError.isInstance(refused) && refused.missing).toEqual([
        'pipedrive.email',
        'pipedrive.password',
      ])
      const instance = await setup.client.provision(connector, {
        name: 'Sales',
        configuration: { 'pipedrive.email': 'sales@example.test', 'pipedrive.password': 'pw-1' },
      })
      expect(instance.configuration['pipedrive.password']).toBe(MASK)
      expect(instance.configuration['base.url']).toBe(connector.defaults['base.url'])
    })
  },
)
