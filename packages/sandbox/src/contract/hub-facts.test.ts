import { PlatformError } from '@plugboard/core'
import { INSTANCE_ID_HEADER, VOCABULARIES } from '@plugboard/core/protocol'
import { describe, expect, it } from 'vitest'
import { contractClient, provisionChargebee, rejection, useContractSandbox } from './harness.js'

describe.each(VOCABULARIES)(
  'contract: hub calls as the platform routes them, in the %s vocabulary',
  (vocabulary) => {
    const setup = useContractSandbox(vocabulary)

    it('ignores the {hub} segment, serves paths without /hubs/{hub}, and names the instance in a header', async () => {
      const ids: (string | null)[] = []
      const client = contractClient(setup.running, vocabulary, {
        hooks: {
          afterResponse: [
            ({ response }) => void ids.push(response.headers.get(INSTANCE_ID_HEADER)),
          ],
        },
      })
      const { id, token } = await provisionChargebee(client, 'Hub routing')
      const hub = client.forInstance(token)
      const answers = [
        await hub.get('hubs/payment/customers'),
        await hub.get('hubs/crm/customers'),
        await hub.get('hubs/other/customers'),
        await hub.get('customers'),
      ]
      expect(answers).toEqual([[], [], [], []])
      // The provisioning answer carries no instance header; each hub answer does.
      expect(ids.slice(1)).toEqual([String(id), String(id), String(id), String(id)])
      const refused = await rejection(hub.post('hubs/payment/customers', { json: {} }))
      expect(PlatformError.isInstance(refused) && refused.status).toBe(501)
      expect(ids.at(-1)).toBe(String(id))
    })

    it('answers 403 for a disabled instance and 401 for a deleted one', async () => {
      const { id, token } = await provisionChargebee(setup.client, 'Hub states')
      const hub = setup.client.forInstance(token)
      await setup.client.instances.disable(id)
      for (const path of ['hubs/payment/customers', 'customers']) {
        const disabled = await rejection(hub.get(path))
        expect(PlatformError.isInstance(disabled) && disabled.status).toBe(403)
      }
      await setup.client.instances.enable(id)
      expect(await hub.get('customers')).toEqual([])
      await setup.client.instances.delete(id)
      for (const path of ['hubs/payment/customers', 'customers']) {
        const deleted = await rejection(hub.get(path))
        expect(PlatformError.isInstance(deleted) && deleted.status).toBe(401)
      }
    })

    it('lists the hub keys instead of a misleading 401', async () => {
      const { token } = await provisionChargebee(setup.client, 'Hub keys')
      expect(await setup.client.forInstance(token).get('hubs/keys')).toEqual([
        'crm',
        'finance',
        'helpdesk',
        'payment',
      ])
    })
  },
)
