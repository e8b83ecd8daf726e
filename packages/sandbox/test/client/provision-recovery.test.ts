import { chargebee } from '@plugboard/connector-chargebee'
import {
  createPlatformClient,
  NetworkError,
  type PlatformClient,
  PROVISIONING_KEY_TAG_PREFIX,
  ProvisioningKeyError,
} from '@plugboard/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SANDBOX_ORGANIZATION_SECRET, SANDBOX_USER_SECRET } from '../../src/constants.js'
import { type RunningSandbox, startSandbox } from '../../src/server.js'
import { type CutProxy, startCutProxy } from './cut-proxy.js'

// Issue 12, item 6: a POST /instances that reaches the platform but whose answer is lost.
// Real sockets throughout: client → cutting proxy → sandbox, all on loopback.

let sandbox: RunningSandbox
let proxy: CutProxy
/** Straight to the sandbox: to count what exists. */
let direct: PlatformClient
/** Through the proxy, which cuts the connection of the first POST once the sandbox has answered. */
let throughProxy: PlatformClient

const KEY = 'order-4711'
const request = {
  name: 'Interrupted',
  configuration: { site: 'acme-test', username: 'test_recoveryApiKey' },
  tags: ['billing'],
}

function client(baseUrl: string): PlatformClient {
  return createPlatformClient({
    baseUrl,
    userSecret: SANDBOX_USER_SECRET,
    organizationSecret: SANDBOX_ORGANIZATION_SECRET,
    retry: 0,
  })
}

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, database: ':memory:' })
  const api = new URL(sandbox.baseUrl)
  let posts = 0
  proxy = await startCutProxy(api.origin, (method) => method === 'POST' && posts++ === 0)
  direct = client(sandbox.baseUrl)
  throughProxy = client(`${proxy.origin}${api.pathname}`)
})

afterEach(async () => {
  await proxy.close()
  await sandbox.close()
})

async function allInstances(): Promise<{ id: number }[]> {
  const found: { id: number }[] = []
  for await (const instance of direct.instances.iterate()) found.push(instance)
  return found
}

/** Whether this sandbox answers a GET of an instance with its token, as the platform does. */
async function tokenOnGet(): Promise<boolean> {
  const probe = await direct.provision(chargebee, { ...request, name: 'probe' })
  const read = await direct.instances.get(probe.id)
  await direct.instances.delete(probe.id)
  return read.token === probe.token
}

describe('an interrupted provision (issue 12, item 6)', () => {
  it('without a provisioning key: the answer is lost and a retry creates a duplicate', async () => {
    const lost = await throughProxy.provision(chargebee, request).catch((caught: unknown) => caught)
    expect(NetworkError.isInstance(lost), String(lost)).toBe(true)
    expect(proxy.requests.filter((sent) => sent.cut)).toHaveLength(1)
    await throughProxy.provision(chargebee, request)
    expect(await allInstances()).toHaveLength(2)
  })

  it('with a provisioning key: exactly one instance exists and the caller holds its token', async (context) => {
    if (!(await tokenOnGet())) {
      context.skip('this sandbox does not answer GET of an instance with its token yet (issue 14)')
    }
    const instance = await throughProxy.provision(chargebee, { ...request, provisioningKey: KEY })
    expect(proxy.requests.filter((sent) => sent.cut)).toHaveLength(1)
    const all = await allInstances()
    expect(all.map((found) => found.id)).toEqual([instance.id])
    // The token the caller holds is the instance's own: it opens the instance.
    const scoped = await direct.forInstance(instance.token).instance.get()
    expect(scoped.id).toBe(instance.id)
    expect(instance.tags).toContain(`${PROVISIONING_KEY_TAG_PREFIX}${KEY}`)
  })

  it('with a provisioning key: never a second instance, even when GET carries no token', async () => {
    const keyed = { ...request, provisioningKey: KEY }
    const first = await throughProxy.provision(chargebee, keyed).catch((caught: unknown) => caught)
    expect(proxy.requests.filter((sent) => sent.cut)).toHaveLength(1)
    const [created, ...others] = await allInstances()
    expect(others).toHaveLength(0)
    if (ProvisioningKeyError.isInstance(first)) {
      // A sandbox without tokens on GET: the instance is named, and not created again.
      expect(first.instanceId).toBe(created?.id)
      const again = await throughProxy
        .provision(chargebee, keyed)
        .catch((caught: unknown) => caught)
      expect(ProvisioningKeyError.isInstance(again)).toBe(true)
    } else {
      expect(first).toMatchObject({ id: created?.id })
      const again = await throughProxy.provision(chargebee, keyed)
      expect(again.id).toBe(created?.id)
    }
    expect(await allInstances()).toHaveLength(1)
  })
})
