import { chargebee } from '@plugboard/connector-chargebee'
import { PlatformError } from '@plugboard/core'
import { MASK, VOCABULARIES } from '@plugboard/core/protocol'
import { describe, expect, it } from 'vitest'
import { SANDBOX_ORGANIZATION_SECRET, SANDBOX_USER_SECRET } from '../constants.js'
import { simulateVendorChange } from '../events/simulate.js'
import { startTestReceiver } from '../events/test-receiver.js'
import { provisionChargebee, rejection, useContractSandbox } from './harness.js'

const WAIT = { timeout: 120_000, interval: 10 }

describe.each(VOCABULARIES)('contract: the event calls, in the %s vocabulary', (vocabulary) => {
  const setup = useContractSandbox(vocabulary)

  it('turns events on and off and reads the event log, by id and by token', async () => {
    const receiver = await startTestReceiver()
    const { id, token } = await provisionChargebee(setup.client, 'Evented')
    const scoped = setup.client.forInstance(token).instance
    const on = await setup.client.instances.enableEvents(id, {
      mode: 'webhook',
      callbackUrl: receiver.url,
      signatureKey: 'contract-signature-key',
    })
    expect(on.configuration).toMatchObject({
      'event.notification.enabled': 'true',
      'event.vendor.type': 'webhook',
      'event.notification.signature.key': MASK,
    })
    expect(on.eventsEnabled).toBe(true)
    const change = await simulateVendorChange({
      baseUrl: setup.running.baseUrl,
      userSecret: SANDBOX_USER_SECRET,
      organizationSecret: SANDBOX_ORGANIZATION_SECRET,
      instanceId: id,
      change: { objectType: 'customers', objectId: 'cus_1' },
    })
    const eventId = change.outcome === 'recorded' ? change.eventId : ''
    await expect.poll(async () => (await scoped.events())[0]?.status, WAIT).toBe('NOTIFIED')
    expect((await setup.client.instances.events(id)).map((e) => e.id)).toEqual([eventId])
    expect((await scoped.getEvent(eventId)).objects).toEqual([
      expect.objectContaining({ eventType: 'UPDATED', objectType: 'customers', objectId: 'cus_1' }),
    ])
    const off = await scoped.disableEvents()
    expect(off.eventsEnabled).toBe(false)
    expect((await setup.client.instances.get(off.id, chargebee)).configuration).toMatchObject({
      'event.notification.enabled': 'false',
    })
    const missing = await rejection(scoped.getEvent('no-such-event'))
    expect(PlatformError.isInstance(missing) && missing.status).toBe(404)
    await receiver.close()
  })
})
