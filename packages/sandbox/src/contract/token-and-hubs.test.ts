import { chargebee } from '@plugboard/connector-chargebee'
import { type HookRequest, PlatformError } from '@plugboard/core'
import { VOCABULARIES } from '@plugboard/core/protocol'
import { describe, expect, it } from 'vitest'
import {
  API_KEY,
  contractClient,
  provisionChargebee,
  rejection,
  useContractSandbox,
} from './harness.js'

describe.each(VOCABULARIES)(
  'contract: token-scoped calls and hub calls, in the %s vocabulary',
  (vocabulary) => {
    const setup = useContractSandbox(vocabulary)

    it('serves every instance call in its token-scoped form', async () => {
      const { id, token } = await provisionChargebee(setup.client, 'Scoped')
      const scoped = setup.client.forInstance(token).instance
      expect((await scoped.get()).id).toBe(id)
      expect((await scoped.get(chargebee)).configuration.username).toBe(API_KEY)
      const updated = await scoped.update(
        { name: 'Scoped 2', configuration: { site: 'acme-test', username: API_KEY } },
        chargebee,
      )
      expect(updated.name).toBe('Scoped 2')
      expect((await scoped.patch({ tags: ['t'] })).tags).toEqual(['t'])
      const entries = await scoped.configuration()
      expect(entries.map((entry) => entry.key)).toContain('site')
      expect((await scoped.getConfiguration('site')).propertyValue).toBe('acme-test')
      expect((await scoped.setConfiguration('site', 'acme-new')).propertyValue).toBe('acme-new')
      await scoped.disable()
      expect((await setup.client.instances.get(id)).disabled).toBe(true)
      await scoped.enable()
      expect((await setup.client.instances.get(id)).disabled).toBe(false)
      await scoped.delete()
      const gone = await rejection(scoped.get())
      expect(PlatformError.isInstance(gone) && gone.status).toBe(401)
    })

    it('makes hub calls with the token, mapping the answers the sandbox gives', async () => {
      const { token } = await provisionChargebee(setup.client, 'Hub')
      const hub = setup.client.forInstance(token)
      expect(await hub.get('hubs/payment/customers', { searchParams: { pageSize: 5 } })).toEqual([])
      for (const call of [
        () => hub.post('hubs/payment/customers', { json: { email: 'a@b.test' } }),
        () => hub.put('hubs/payment/customers/1', { json: {} }),
        () => hub.patch('hubs/payment/customers/1', { json: {} }),
        () => hub.delete('hubs/payment/customers/1'),
      ]) {
        const error = await rejection(call())
        expect(PlatformError.isInstance(error) && error.status).toBe(501)
      }
      // The {hub} segment plays no part: another hub's path answers the same.
      expect(await hub.get('hubs/crm/contacts')).toEqual([])
      const badToken = await rejection(
        setup.client.forInstance('not-a-token').get('hubs/payment/x'),
      )
      expect(PlatformError.isInstance(badToken) && badToken.status).toBe(401)
    })

    it('runs caller hooks around each attempt without ever showing them the Authorization header', async () => {
      const seen: HookRequest[] = []
      const statuses: number[] = []
      const hooked = contractClient(setup.running, vocabulary, {
        hooks: {
          beforeRequest: [({ request }) => void seen.push(request)],
          afterResponse: [({ response }) => void statuses.push(response.status)],
        },
      })
      const { token } = await provisionChargebee(hooked, 'Hooked')
      await hooked.forInstance(token).get('hubs/payment/customers')
      expect(seen.map((request) => request.method)).toEqual(['POST', 'GET'])
      expect(statuses).toEqual([200, 200])
      for (const request of seen) {
        expect(request.headers.has('authorization')).toBe(false)
        expect(request.headers.get('user-agent')).toMatch(/plugboard\//)
        expect(JSON.stringify([...request.headers])).not.toContain(token)
      }
    })
  },
)
