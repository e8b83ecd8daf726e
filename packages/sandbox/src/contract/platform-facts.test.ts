import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chargebee } from '@plugboard/connector-chargebee'
import { stripe } from '@plugboard/connector-stripe'
import { PlatformError } from '@plugboard/core'
import { MASK, PLATFORM_COMMON_ENTRIES, VOCABULARIES } from '@plugboard/core/protocol'
import { afterAll, describe, expect, it } from 'vitest'
import { SANDBOX_ORGANIZATION_ID } from '../constants.js'
import { SandboxStore } from '../store.js'
import { SANDBOX_DEFAULT_USER } from '../users.js'
import { API_KEY, provisionChargebee, rejection, useContractSandbox } from './harness.js'

const PASSWORD = 'cb-contract-password'
const KEY = randomBytes(32)
const directory = mkdtempSync(join(tmpdir(), 'plugboard-facts-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

describe.each(VOCABULARIES)(
  'contract: the platform facts of issue 14, in the %s vocabulary',
  (vocabulary) => {
    const setup = useContractSandbox(vocabulary, {
      database: join(directory, `${vocabulary}.db`),
      encryptionKey: KEY,
    })
    /** What the sandbox's database holds as the password of instance `id` (opened with the key). */
    const storedPassword = (id: number) => {
      const store = new SandboxStore(join(directory, `${vocabulary}.db`), {
        key: KEY,
        secretKeys: () => new Set(['username', 'password']),
      })
      try {
        return store.get(SANDBOX_ORGANIZATION_ID, id)?.configuration.password
      } finally {
        store.close()
      }
    }

    it('serves the instance routes under a connector, by key and by numeric id', async () => {
      const { id } = await provisionChargebee(setup.client, `By connector ${vocabulary}`)
      const byKey = setup.client.connectorInstances('chargebee')
      const byId = setup.client.connectorInstances(chargebee.descriptor.id)
      expect((await byKey.list()).instances.map((instance) => instance.id)).toContain(id)
      expect((await byId.list()).instances.every((i) => i.connector?.key === 'chargebee')).toBe(
        true,
      )
      expect((await byId.get(id)).id).toBe(id)
      expect((await byKey.patch(id, { tags: ['k'] })).tags).toEqual(['k'])
      const replaced = await byId.update(
        id,
        { name: 'Replaced', configuration: { site: 'acme-live', username: API_KEY } },
        chargebee,
      )
      expect(replaced.configuration.site).toBe('acme-live')
      expect((await byId.getConfiguration(id, 'site')).propertyValue).toBe('acme-live')
      // An instance of another connector, and an unknown connector, answer 404.
      const other = await rejection(setup.client.connectorInstances('stripe').get(id))
      expect(PlatformError.isInstance(other) && other.status).toBe(404)
      const unknown = await rejection(setup.client.connectorInstances(999999).list())
      expect(PlatformError.isInstance(unknown) && unknown.status).toBe(404)
      expect((await setup.client.connectorInstances('stripe').list()).instances).toEqual([])
      await byKey.delete(id)
      const gone = await rejection(setup.client.instances.get(id))
      expect(PlatformError.isInstance(gone) && gone.status).toBe(404)
    })

    it('gets one configuration entry by id or key, by instance id and by token', async () => {
      const { id, token } = await provisionChargebee(setup.client, 'One entry')
      const byKey = await setup.client.instances.getConfiguration(id, 'site')
      expect(await setup.client.instances.getConfiguration(id, byKey.id)).toEqual(byKey)
      expect(await setup.client.forInstance(token).instance.getConfiguration('site')).toEqual(byKey)
    })

    it('answers every instance with its owner and its token, on GET and in lists too', async () => {
      const { id, token } = await provisionChargebee(setup.client, 'Owned', ['owned'])
      const got = await setup.client.instances.get(id)
      expect(got.user).toEqual(SANDBOX_DEFAULT_USER)
      expect(got.token).toBe(token)
      const [listed] = (await setup.client.instances.list({ tags: ['owned'] })).instances
      expect(listed?.user).toEqual(SANDBOX_DEFAULT_USER)
      expect(listed?.token).toBe(token)
    })

    it('tags an instance created without tags with its sanitised name; PATCH tags replaces them', async () => {
      const created = await setup.client.provision(chargebee, {
        name: 'Acme <b>billing</b>',
        configuration: { site: 'acme-test', username: API_KEY },
      })
      expect(created.name).toBe('Acme billing')
      expect(created.tags).toEqual(['Acme billing'])
      const patched = await setup.client.instances.patch(created.id, { tags: ['x', 'y'] })
      expect(patched.tags).toEqual(['x', 'y'])
      expect((await setup.client.instances.patch(created.id, { tags: ['z'] })).tags).toEqual(['z'])
    })

    it('masks password-type entries only, and a masked value sent back keeps the stored one', async () => {
      const created = await setup.client.provision(chargebee, {
        name: 'Masked',
        configuration: { site: 'acme-test', username: API_KEY, password: PASSWORD },
      })
      expect(created.configuration.username).toBe(API_KEY)
      expect(created.configuration.password).toBe(MASK)
      expect(JSON.stringify(created)).not.toContain(PASSWORD)
      const entries = await setup.client.instances.configuration(created.id)
      const byKey = new Map(entries.map((entry) => [entry.key, entry]))
      expect(byKey.get('password')?.propertyValue).toBe(MASK)
      expect(byKey.get('username')?.propertyValue).toBe(API_KEY)
      // The round trip sends `********` back for the password: the stored value stays.
      const current = await setup.client.instances.get(created.id, chargebee)
      await setup.client.instances.update(
        created.id,
        { name: current.name, configuration: current.configuration },
        chargebee,
      )
      await setup.client.instances.patch(created.id, { configuration: { password: MASK } })
      await setup.client.instances.setConfiguration(created.id, 'password', MASK)
      expect(storedPassword(created.id)).toBe(PASSWORD)
    })

    it('holds the platform common entries in every configuration, whatever the connector', async () => {
      const cb = await provisionChargebee(setup.client, 'Common')
      const st = await setup.client.provision(stripe, {
        name: 'Common stripe',
        configuration: { 'api.key': 'sk_test_contractKey' },
      })
      for (const instance of [cb, st]) {
        expect(instance.configuration['event.notification.enabled']).toBe('false')
        expect(instance.configuration['filter.response.nulls']).toBe('true')
        expect(Object.keys(instance.configuration)).toEqual(
          expect.arrayContaining(Object.keys(PLATFORM_COMMON_ENTRIES)),
        )
      }
      expect(cb.configuration['event.vendor.type']).toBe('polling')
      expect(st.configuration['event.vendor.type']).toBeNull()
      expect(st.configuration['event.notification.callback.url']).toBeNull()
    })

    it('accepts a GET → PUT round trip with the connector given, defaults and masks included', async () => {
      const created = await setup.client.provision(chargebee, {
        name: 'Round trip',
        configuration: { site: 'acme-test', username: API_KEY, password: PASSWORD },
        tags: ['rt'],
      })
      const current = await setup.client.instances.get(created.id, chargebee)
      const back = await setup.client.instances.update(
        created.id,
        { name: current.name, configuration: current.configuration, tags: current.tags },
        chargebee,
      )
      expect(back.configuration).toEqual(current.configuration)
      expect(back.tags).toEqual(['rt'])
      const st = await setup.client.provision(stripe, {
        name: 'Stripe round trip',
        configuration: { username: 'sk_test_olderName' } as never,
      })
      expect(st.configuration['api.key']).toBe('sk_test_olderName')
      const stCurrent = await setup.client.instances.get(st.id, stripe)
      const stBack = await setup.client.instances.update(
        st.id,
        { name: stCurrent.name, configuration: stCurrent.configuration as never },
        stripe,
      )
      expect(stBack.configuration['api.key']).toBe('sk_test_olderName')
    })

    it('accepts providerData on PUT and PATCH, never echoing it', async () => {
      const { id } = await provisionChargebee(setup.client, 'Reauthorised')
      const patched = await setup.client.instances.patch(id, {
        providerData: { code: 'oauth-code-1' },
      })
      expect(patched).not.toHaveProperty('providerData')
      const put = await setup.client.instances.update(id, {
        name: 'Reauthorised',
        configuration: { site: 'acme-test', username: API_KEY },
        providerData: { code: 'oauth-code-2' },
      })
      expect(put).not.toHaveProperty('providerData')
      expect(JSON.stringify(put)).not.toContain('oauth-code')
    })
  },
)
