import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chargebee } from '@plugboard/connector-chargebee'
import { createPlatformClient, InvalidArgumentError, type PlatformClient } from '@plugboard/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SANDBOX_ORGANIZATION_SECRET, SANDBOX_USER_SECRET } from '../constants.js'
import { startTestReceiver } from '../events/test-receiver.js'
import { type RunningSandbox, startSandbox } from '../server.js'

const KEY = 'sig-KEY-routes-test-0123456789'
const WAIT = { timeout: 120_000, interval: 10 }

let running: RunningSandbox
let client: PlatformClient
let receiver: Awaited<ReturnType<typeof startTestReceiver>>

beforeEach(async () => {
  running = await startSandbox()
  client = createPlatformClient({
    baseUrl: running.baseUrl,
    userSecret: SANDBOX_USER_SECRET,
    organizationSecret: SANDBOX_ORGANIZATION_SECRET,
    retry: 0,
  })
  receiver = await startTestReceiver()
})

afterEach(async () => {
  await receiver.close()
  await running.close()
})

async function call(method: string, path: string, body?: unknown, authorization?: string) {
  const response = await fetch(`${running.baseUrl}${path}`, {
    method,
    headers: {
      authorization: authorization ?? running.authorization,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) }
}

async function instanceWithEvents() {
  const instance = await client.provision(chargebee, {
    name: 'Acme billing',
    configuration: { site: 'acme-test', username: 'test_key' },
  })
  const token = client.forInstance(instance.token)
  await token.instance.enableEvents({
    mode: 'webhook',
    callbackUrl: receiver.url,
    signatureKey: KEY,
  })
  return { instance, token }
}

const simulate = (id: number, body: unknown = { objectType: 'customers', objectId: 'c1' }) =>
  call('POST', `/sandbox/instances/${id}/changes`, body)

describe('the event routes', () => {
  it('list and get events by id, by token, and for the whole organization', async () => {
    const a = await instanceWithEvents()
    const b = await instanceWithEvents()
    const recorded = await simulate(a.instance.id)
    expect(recorded).toMatchObject({ status: 202, body: { outcome: 'recorded' } })
    await simulate(b.instance.id)
    const eventId = recorded.body.eventId as string
    await expect
      .poll(async () => (await a.token.instance.events()).map((e) => e.status), WAIT)
      .toEqual(['NOTIFIED'])
    expect(await a.token.instance.getEvent(eventId)).toMatchObject({
      id: eventId,
      instanceId: a.instance.id,
      objects: [{ eventType: 'UPDATED', objectType: 'customers', objectId: 'c1' }],
    })
    expect((await client.instances.getEvent(a.instance.id, eventId)).id).toBe(eventId)
    const all = await call('GET', '/instances/events')
    expect(all.body.map((e: { instanceId: number }) => e.instanceId)).toEqual([
      a.instance.id,
      b.instance.id,
    ])
    expect((await call('GET', `/instances/events/${eventId}`)).status).toBe(200)
    // Another instance's event is not found through this one.
    expect((await call('GET', `/instances/${b.instance.id}/events/${eventId}`)).status).toBe(404)
    expect((await call('POST', `/instances/${a.instance.id}/events`)).status).toBe(405)
  })

  it('turn events off with disableEvents: a simulated change is refused (409)', async () => {
    const { instance } = await instanceWithEvents()
    const off = await client.instances.disableEvents(instance.id)
    expect(off.configuration['event.notification.enabled']).toBe('false')
    const refused = await simulate(instance.id)
    expect(refused.status).toBe(409)
    expect(refused.body.message).toMatch(/sends no events/)
  })

  it('refuse a bad change (400), an unknown instance (404) and a wrong secret (401)', async () => {
    const { instance } = await instanceWithEvents()
    const bad = await simulate(instance.id, { objectType: '', eventType: 'EXPLODED' })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toMatch(/objectType/)
    expect(bad.body.message).toMatch(/objectId/)
    expect(bad.body.message).toMatch(/eventType/)
    expect((await simulate(999_999)).status).toBe(404)
    const stranger = await call(
      'POST',
      `/sandbox/instances/${instance.id}/changes`,
      { objectType: 'customers', objectId: 'c1' },
      'User nobody, Organization nothing',
    )
    expect(stranger.status).toBe(401)
  })
})

describe('the event entries', () => {
  it('are checked for every connector, naming the entry and never the key', async () => {
    const { instance } = await instanceWithEvents()
    const refused = await call('PATCH', `/instances/${instance.id}`, {
      configuration: {
        'event.notification.callback.url': 'ftp://example.test/x',
        'event.poller.refresh_interval': 'soon',
        'event.notification.signature.key': '',
      },
    })
    expect(refused.status).toBe(400)
    expect(refused.body.message).toMatch(/event\.notification\.callback\.url/)
    expect(refused.body.message).toMatch(/event\.poller\.refresh_interval/)
    expect(refused.body.message).toMatch(/event\.notification\.signature\.key/)
  })

  it('keep the signature key masked in answers and sealed on disk', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'plugboard-events-'))
    const database = join(directory, 'sandbox.db')
    const onDisk = await startSandbox({ database })
    try {
      const fileClient = createPlatformClient({
        baseUrl: onDisk.baseUrl,
        userSecret: SANDBOX_USER_SECRET,
        organizationSecret: SANDBOX_ORGANIZATION_SECRET,
      })
      const instance = await fileClient.provision(chargebee, {
        name: 'Sealed',
        configuration: { site: 'acme-test', username: 'test_key' },
      })
      const answer = await fileClient.instances.enableEvents(instance.id, {
        mode: 'webhook',
        callbackUrl: receiver.url,
        signatureKey: KEY,
      })
      expect(answer.configuration['event.notification.signature.key']).toBe('********')
      expect(JSON.stringify(await fileClient.instances.configuration(instance.id))).not.toContain(
        KEY,
      )
    } finally {
      await onDisk.close()
    }
    for (const file of [database, `${database}-wal`]) {
      let bytes = ''
      try {
        bytes = readFileSync(file, 'latin1')
      } catch {}
      expect(bytes).not.toContain(KEY)
    }
    rmSync(directory, { recursive: true, force: true })
  })

  it('a bad set-up is refused by the client before anything is sent', async () => {
    const { instance } = await instanceWithEvents()
    const error = await client.instances
      .enableEvents(instance.id, { mode: 'webhook', callbackUrl: 'not a url' })
      .catch((e: unknown) => e)
    expect(InvalidArgumentError.isInstance(error)).toBe(true)
  })
})
