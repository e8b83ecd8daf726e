import { readFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ConfigurationError, createPlatformClient, type Vocabulary } from '@plugboard/core'
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest'
import { chargebee } from './connector.js'
import type { ChargebeeInstanceConfiguration } from './response.js'

type Json = Record<string, unknown>

const fixture = (name: string): Json =>
  JSON.parse(readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url), 'utf8'))

/** The spec's example request, with concrete values, in the `element` vocabulary. */
const specRequest = fixture('create-instance.request.json')
/** The spec's example response, in the spec's `your_mom` vocabulary. */
const specResponse = fixture('create-instance.response.json')

/** Renames the connector fields of a body from one vocabulary to the other. */
function inVocabulary(body: Json, from: Vocabulary, to: Vocabulary): Json {
  const text = JSON.stringify(body)
    .replaceAll(`"${from}":`, `"${to}":`)
    .replaceAll(`"${from}Id":`, `"${to}Id":`)
  return JSON.parse(text)
}

interface Recorded {
  readonly method: string
  readonly url: string
  readonly headers: IncomingHttpHeaders
  readonly body: unknown
}

const userSecret = 'user-secret-for-the-wire-test'
const organizationSecret = 'organization-secret-for-the-wire-test'

describe('provisioning chargebee over HTTP, the spec example', () => {
  let server: Server
  let baseUrl = ''
  const received: Recorded[] = []
  let answer: Json = specResponse

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = []
      request.on('data', (chunk: Buffer) => chunks.push(chunk))
      request.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        received.push({
          method: request.method ?? '',
          url: request.url ?? '',
          headers: request.headers,
          body: text === '' ? undefined : JSON.parse(text),
        })
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end(JSON.stringify(answer))
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/elements/api-v2`
  })

  afterAll(async () => {
    await new Promise<void>((resolve, reject) =>
      server.close((error) => (error ? reject(error) : resolve())),
    )
  })

  beforeEach(() => {
    received.length = 0
    answer = specResponse
  })

  const client = (vocabulary: Vocabulary) =>
    createPlatformClient({ baseUrl, userSecret, organizationSecret, vocabulary, retry: 0 })

  const provisionSpecExample = (vocabulary: Vocabulary) =>
    client(vocabulary).provision(chargebee, {
      name: specRequest.name as string,
      configuration: specRequest.configuration as { site: string; username: string },
      tags: specRequest.tags as string[],
    })

  const provisionSpecExampleWithSite = (site: string) =>
    client('your_mom').provision(chargebee, {
      name: 'Test',
      configuration: { ...(specRequest.configuration as { username: string }), site },
    })

  it('sends exactly the spec request body, in the element vocabulary', async () => {
    answer = inVocabulary(specResponse, 'your_mom', 'element')
    await provisionSpecExample('element')
    expect(received).toHaveLength(1)
    const [sent] = received
    expect(sent?.method).toBe('POST')
    expect(sent?.url).toBe('/elements/api-v2/instances')
    expect(sent?.headers['content-type']).toMatch(/^application\/json/)
    expect(sent?.headers.authorization).toBe(
      `User ${userSecret}, Organization ${organizationSecret}`,
    )
    expect(sent?.body).toEqual(specRequest)
  })

  it('sends the same body under your_mom in the spec vocabulary', async () => {
    await provisionSpecExample('your_mom')
    expect(received).toHaveLength(1)
    expect(received[0]?.body).toEqual(inVocabulary(specRequest, 'element', 'your_mom'))
    expect(received[0]?.body).toMatchObject({ your_mom: { key: 'chargebee' } })
  })

  it('parses the spec response into the typed instance with nothing lost', async () => {
    const instance = await provisionSpecExample('your_mom')
    expectTypeOf(instance.configuration).toEqualTypeOf<ChargebeeInstanceConfiguration>()
    expect(instance.id).toBe(12)
    expect(instance.name).toBe('Test')
    expect(instance.token).toBe(specResponse.token)
    expect(instance.configuration).toEqual(specResponse.configuration)
    expect(instance.configuration['pagination.max']).toBe('100')
    expect(instance.connector).toMatchObject({ id: 451, key: 'chargebee', hub: 'payment' })
    for (const field of [
      'provisionInteractions',
      'valid',
      'disabled',
      'maxCacheSize',
      'cacheTimeToLive',
      'eventsEnabled',
      'traceLoggingEnabled',
      'cachingEnabled',
    ]) {
      expect(instance[field], field).toEqual(specResponse[field])
    }
  })

  it('parses the same response in the element vocabulary into the same instance', async () => {
    const spec = await provisionSpecExample('your_mom')
    answer = inVocabulary(specResponse, 'your_mom', 'element')
    const element = await provisionSpecExample('element')
    expect(element).toEqual(spec)
    expect(element.connector?.parameters?.[0]).toMatchObject({ id: 209, name: 'site' })
  })

  it('keeps fields and configuration keys the platform adds later', async () => {
    answer = {
      ...specResponse,
      createdDate: '2026-11-23T10:00:00Z',
      configuration: {
        ...(specResponse.configuration as Json),
        'event.objects': 'customers',
      },
    }
    const instance = await provisionSpecExample('your_mom')
    expect(instance.createdDate).toBe('2026-11-23T10:00:00Z')
    expect(instance.configuration['event.objects']).toBe('customers')
  })

  it('sends nothing when site and API key are missing, naming both in one error', async () => {
    const attempt = client('your_mom').provision(chargebee, {
      name: 'Test',
      // @ts-expect-error: site and username are required
      configuration: { password: 'cb-password' },
    })
    const error = await attempt.catch((caught: unknown) => caught)
    expect(ConfigurationError.isInstance(error)).toBe(true)
    expect((error as ConfigurationError).missing).toEqual(['site', 'username'])
    expect((error as ConfigurationError).message).not.toContain('cb-password')
    expect(received).toHaveLength(0)
  })

  it('sends nothing when the site is a pasted URL', async () => {
    const error = await provisionSpecExampleWithSite('https://acme-test.chargebee.com').catch(
      (caught: unknown) => caught,
    )
    expect(ConfigurationError.isInstance(error)).toBe(true)
    expect((error as ConfigurationError).invalid).toEqual(['site'])
    expect((error as Error).message).toMatch(/not a URL/)
    expect((error as Error).message).not.toContain('test_cbAPIkey123')
    expect(received).toHaveLength(0)
  })
})
