import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPlatformClient } from './client/create-client.js'
import { PROVISIONING_KEY_TAG_PREFIX } from './client/provisioning-key.js'
import { InvalidArgumentError } from './errors/invalid-argument-error.js'
import { ProvisioningKeyError } from './errors/provisioning-key-error.js'
import { NetworkError, PlatformError } from './errors/request-errors.js'
import { acme } from './test-support/connectors.js'
import { clientOptions, instanceBody, TOKEN } from './test-support/fixtures.js'
import {
  type Behaviour,
  type RecordedRequest,
  startTestServer,
  type TestServer,
} from './test-support/server.js'

let server: TestServer

beforeEach(async () => {
  server = await startTestServer()
})

afterEach(async () => {
  await server.close()
})

const KEY = 'order-4711'
const TAG = `${PROVISIONING_KEY_TAG_PREFIX}${KEY}`
const request = {
  name: 'n',
  configuration: { site: 'acme-test', apiKey: 'acme-KEY-secret-77' },
  tags: ['billing'],
  provisioningKey: KEY,
}

/**
 * A platform that stores what is posted but can lose the POST's answer: `post` decides what the
 * client gets back; the instance exists either way. `tokenOnGet` says whether GET carries tokens.
 */
function platform(post: (stored: Record<string, unknown>) => Behaviour, tokenOnGet = true) {
  const stored: Record<string, unknown>[] = []
  return {
    stored,
    handler: (sent: RecordedRequest): Behaviour => {
      if (sent.method === 'POST') {
        const body = sent.json as { tags?: string[] }
        const instance = instanceBody({ id: 100 + stored.length, extra: { tags: body.tags } })
        stored.push(instance)
        return post(instance)
      }
      const view = (instance: Record<string, unknown>) =>
        tokenOnGet ? instance : { ...instance, token: undefined }
      if (sent.path.endsWith('/instances')) {
        const tag = sent.query.get('tags[]')
        return {
          json: stored
            .filter((instance) => (instance.tags as string[]).includes(tag ?? ''))
            .map(view),
        }
      }
      const id = Number(sent.path.split('/').at(-1))
      const found = stored.find((instance) => instance.id === id)
      return found === undefined ? { status: 404, json: { message: 'no' } } : { json: view(found) }
    },
  }
}

describe('provisioning with a provisioning key', () => {
  it('returns the instance an interrupted POST created, with its token, and creates no second', async () => {
    const fake = platform(() => 'reset')
    server.handle(fake.handler)
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const instance = await client.provision(acme, request)
    expect(fake.stored).toHaveLength(1)
    expect(instance.id).toBe(100)
    expect(instance.token).toBe(TOKEN)
    expect(instance.tags).toEqual(['billing', TAG])
    expect(server.requests.filter((sent) => sent.method === 'POST')).toHaveLength(1)
    // A later attempt with the same key returns the same instance without posting.
    const again = await client.provision(acme, request)
    expect(again.id).toBe(100)
    expect(fake.stored).toHaveLength(1)
  })

  it('sends the key as a tag beside the caller’s tags', async () => {
    const fake = platform((instance) => ({ json: instance }))
    server.handle(fake.handler)
    const client = createPlatformClient(clientOptions(server.baseUrl))
    await client.provision(acme, request)
    const post = server.requests.find((sent) => sent.method === 'POST')
    expect((post?.json as { tags?: string[] } | undefined)?.tags).toEqual(['billing', TAG])
  })

  it('raises ProvisioningKeyError, creating nothing, when the platform answers without the token', async () => {
    const fake = platform(() => 'reset', false)
    server.handle(fake.handler)
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const first = await client.provision(acme, request).catch((caught: unknown) => caught)
    expect(ProvisioningKeyError.isInstance(first), String(first)).toBe(true)
    expect(first).toMatchObject({ instanceId: 100 })
    const second = await client.provision(acme, request).catch((caught: unknown) => caught)
    expect(ProvisioningKeyError.isInstance(second)).toBe(true)
    expect(fake.stored).toHaveLength(1)
  })

  it('does not look again after a refusal the platform answered (4xx)', async () => {
    server.handle((sent) =>
      sent.method === 'POST' ? { status: 400, json: { message: 'bad' } } : { json: [] },
    )
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const error = await client.provision(acme, request).catch((caught: unknown) => caught)
    expect(PlatformError.isInstance(error)).toBe(true)
    expect(server.requests.map((sent) => sent.method)).toEqual(['GET', 'POST'])
  })

  it('fails as before when nothing was created', async () => {
    server.handle((sent) => (sent.method === 'POST' ? 'reset' : { json: [] }))
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const error = await client.provision(acme, request).catch((caught: unknown) => caught)
    expect(NetworkError.isInstance(error)).toBe(true)
    expect(server.requests.map((sent) => sent.method)).toEqual(['GET', 'POST', 'GET'])
  })

  it('without a key, an interrupted POST is a NetworkError and nothing is looked up', async () => {
    const fake = platform(() => 'reset')
    server.handle(fake.handler)
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const { provisioningKey: _key, ...unkeyed } = request
    const error = await client.provision(acme, unkeyed).catch((caught: unknown) => caught)
    expect(NetworkError.isInstance(error)).toBe(true)
    expect(server.requests.map((sent) => sent.method)).toEqual(['POST'])
  })

  it('refuses a key that is empty, too long or has a comma, sending nothing', async () => {
    const client = createPlatformClient(clientOptions(server.baseUrl))
    for (const provisioningKey of ['', ' ', 'a'.repeat(201), 'a,b', 'a\nb']) {
      const error = await client
        .provision(acme, { ...request, provisioningKey })
        .catch((caught: unknown) => caught)
      expect(InvalidArgumentError.isInstance(error), provisioningKey).toBe(true)
    }
    expect(server.requests).toHaveLength(0)
  })
})
