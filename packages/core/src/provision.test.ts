import { inspect } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPlatformClient } from './client/create-client.js'
import { createProvisioningClient } from './client/provisioning-client.js'
import { ConfigurationError } from './errors/configuration-error.js'
import { InvalidArgumentError } from './errors/invalid-argument-error.js'
import { ResponseValidationError } from './errors/request-errors.js'
import { createRegistry } from './registry.js'
import { acme } from './test-support/connectors.js'
import {
  clientOptions,
  instanceBody,
  ORGANIZATION_SECRET,
  TOKEN,
  USER_SECRET,
} from './test-support/fixtures.js'
import { startTestServer, type TestServer } from './test-support/server.js'
import { USER_AGENT } from './version.js'

let server: TestServer

beforeEach(async () => {
  server = await startTestServer(() => ({ status: 200, json: instanceBody() }))
})

afterEach(async () => {
  await server.close()
})

const request = {
  name: 'Acme billing',
  configuration: { site: 'acme-test', apiKey: 'acme-KEY-secret-77' },
  tags: ['billing', 'eu'],
}

describe('createProvisioningClient', () => {
  it('provisions exactly as the full client does, and offers nothing else', async () => {
    const client = createProvisioningClient(clientOptions(server.baseUrl))
    const instance = await client.provision(acme, request)
    const full = createPlatformClient(clientOptions(server.baseUrl))
    await full.provision(acme, request)

    const [mine, theirs] = server.requests
    expect(mine?.url).toBe('/your_moms/api-v2/instances')
    expect(mine?.body).toBe(theirs?.body)
    expect(mine?.headers.authorization).toBe(theirs?.headers.authorization)
    expect(instance.token).toBe(TOKEN)
    expect(Object.keys(client).sort()).toEqual(['baseUrl', 'provision', 'vocabulary'])
    const shown = inspect(client)
    expect(shown).toContain('ProvisioningClient')
    for (const secret of [USER_SECRET, ORGANIZATION_SECRET]) expect(shown).not.toContain(secret)
  })

  it('refuses bad options and configurations before sending, like the full client', async () => {
    expect(() =>
      createProvisioningClient({ ...clientOptions(server.baseUrl), userSecret: '' }),
    ).toThrow(InvalidArgumentError)
    const client = createProvisioningClient(clientOptions(server.baseUrl))
    const refused = await client
      .provision(acme, { name: 'x', configuration: { site: 'acme-test' } } as never)
      .catch((error: unknown) => error)
    expect(ConfigurationError.isInstance(refused)).toBe(true)
    expect(server.requests).toHaveLength(0)
  })
})

describe('provision', () => {
  it('posts the spec body to instances with the exact headers and parses the instance', async () => {
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const instance = await client.provision(acme, request)

    expect(server.requests).toHaveLength(1)
    const [sent] = server.requests
    expect(sent?.method).toBe('POST')
    expect(sent?.url).toBe('/your_moms/api-v2/instances')
    expect(sent?.headers.authorization).toBe(
      `User ${USER_SECRET}, Organization ${ORGANIZATION_SECRET}`,
    )
    expect(sent?.headers['content-type']).toBe('application/json')
    expect(sent?.headers['user-agent']).toBe(USER_AGENT)
    expect(sent?.headers['user-agent']).toMatch(/^plugboard\/\d+\.\d+\.\d+/)
    expect(sent?.body).toBe(
      JSON.stringify({
        your_mom: { key: 'acme' },
        configuration: { site: 'acme-test', apiKey: 'acme-KEY-secret-77' },
        tags: ['billing', 'eu'],
        name: 'Acme billing',
      }),
    )

    expect(instance.token).toBe(TOKEN)
    expect(instance.id).toBe(12)
    expect(instance.connector?.key).toBe('acme')
    expect(instance.connector?.parameters?.[0]?.connectorId).toBe(901)
    expect(instance.connector?.parameters?.[0]).not.toHaveProperty('your_momId')
    expect(instance).not.toHaveProperty('your_mom')
    expect(instance.configuration['pagination.max']).toBe(100)
    expect(instance.configuration.site).toBe('acme-test')
    expect(instance.valid).toBe(true)
    expect(instance.tags).toEqual(['billing'])
  })

  it('speaks the element vocabulary on request', async () => {
    server.handle(() => ({ json: instanceBody({ vocabulary: 'element' }) }))
    const client = createPlatformClient({ ...clientOptions(server.baseUrl), vocabulary: 'element' })
    const instance = await client.provision(acme, request)
    expect(server.requests[0]?.json).toMatchObject({ element: { key: 'acme' } })
    expect(server.requests[0]?.json).not.toHaveProperty('your_mom')
    expect(instance.connector?.key).toBe('acme')
    expect(instance.connector?.parameters?.[0]?.connectorId).toBe(901)
  })

  it('accepts either connector field in an answer, whatever it sends', async () => {
    server.handle(() => ({ json: instanceBody({ vocabulary: 'element' }) }))
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const instance = await client.provision(acme, request)
    expect(server.requests[0]?.json).toMatchObject({ your_mom: { key: 'acme' } })
    expect(instance.connector?.id).toBe(901)
  })

  it('handles a base URL with or without a trailing slash', async () => {
    for (const baseUrl of [server.baseUrl, `${server.baseUrl}/`]) {
      const client = createPlatformClient(clientOptions(baseUrl))
      await client.provision(acme, request)
    }
    expect(server.requests.map((sent) => sent.path)).toEqual([
      '/your_moms/api-v2/instances',
      '/your_moms/api-v2/instances',
    ])
  })

  it('prefixes a caller user agent to plugboard’s own', async () => {
    const client = createPlatformClient({ ...clientOptions(server.baseUrl), userAgent: 'demo/1.0' })
    await client.provision(acme, request)
    expect(server.requests[0]?.headers['user-agent']).toBe(`demo/1.0 ${USER_AGENT}`)
  })

  it('sends through an injected fetch and runs the caller hooks', async () => {
    const seen: string[] = []
    const client = createPlatformClient({
      ...clientOptions(server.baseUrl),
      fetch: (input, init) => {
        seen.push(`fetch ${input instanceof Request ? input.method : 'GET'}`)
        return fetch(input, init)
      },
      hooks: { beforeRequest: [({ request }) => void seen.push(`hook ${request.method}`)] },
    })
    await client.provision(acme, request)
    expect(seen).toEqual(['hook POST', 'fetch POST'])
    expect(server.requests).toHaveLength(1)
  })

  it('keeps fields it does not model', async () => {
    server.handle(() => ({
      json: instanceBody({ extra: { createdDate: '2024-01-01', shiny: 1 } }),
    }))
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const instance = await client.provision(acme, request)
    expect(instance.shiny).toBe(1)
    expect(instance.createdDate).toBe('2024-01-01')
  })

  it('refuses a configuration naming every missing entry, and sends nothing', async () => {
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const error = await client
      .provision(acme, { name: 'x', configuration: {} as never })
      .catch((caught: unknown) => caught)
    expect(ConfigurationError.isInstance(error)).toBe(true)
    expect((error as ConfigurationError).missing).toEqual(['site', 'apiKey'])
    expect((error as Error).message).toContain('site')
    expect((error as Error).message).toContain('apiKey')
    expect(server.requests).toHaveLength(0)
  })

  it('refuses invalid and unknown entries at once without echoing secret values', async () => {
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const error = (await client
      .provision(acme, {
        name: 'x',
        configuration: { site: 'Not A Site', apiKey: 'short', colour: 'red' } as never,
      })
      .catch((caught: unknown) => caught)) as ConfigurationError
    expect(error.invalid).toEqual(['site', 'apiKey'])
    expect(error.unknown).toEqual(['colour'])
    expect(error.message).not.toContain('short')
    expect(inspect(error)).not.toContain('"short"')
    expect(server.requests).toHaveLength(0)
  })

  it('refuses an empty name before sending', async () => {
    const client = createPlatformClient(clientOptions(server.baseUrl))
    await expect(client.provision(acme, { ...request, name: ' ' })).rejects.toSatisfy((error) =>
      InvalidArgumentError.isInstance(error),
    )
    expect(server.requests).toHaveLength(0)
  })

  it('refuses an answer without a token or for another connector', async () => {
    const client = createPlatformClient(clientOptions(server.baseUrl))
    server.handle(() => ({ json: { ...instanceBody(), token: undefined } }))
    const noToken = await client.provision(acme, request).catch((caught: unknown) => caught)
    expect(ResponseValidationError.isInstance(noToken)).toBe(true)
    expect((noToken as ResponseValidationError).fieldPath).toBe('token')

    server.handle(() => ({ json: instanceBody({ key: 'globex' }) }))
    const other = await client.provision(acme, request).catch((caught: unknown) => caught)
    expect((other as ResponseValidationError).fieldPath).toBe('your_mom.key')
  })

  it('masks the token and secret values in inspect output, keeps them as properties', async () => {
    server.handle(() => ({
      json: instanceBody({
        configuration: {
          site: 'acme-test',
          apiKey: 'echoed-KEY-secret-99',
          'base.url': 'x',
          'pagination.max': '5',
        },
      }),
    }))
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const instance = await client.provision(acme, request)
    const shown = inspect(instance, { depth: 10 })
    expect(shown).not.toContain(TOKEN)
    expect(shown).not.toContain('echoed-KEY-secret-99')
    expect(shown).toContain('********')
    expect(shown).toContain('acme-test')
    expect(instance.token).toBe(TOKEN)
    expect(JSON.parse(JSON.stringify(instance)).token).toBe(TOKEN)
  })

  it('shows each instance with its own values: one mask per connector, read off the instance', async () => {
    let count = 0
    server.handle(() => {
      count += 1
      return {
        json: instanceBody({
          id: count,
          name: `shown-${count}`,
          token: `token-of-instance-${count}`,
          configuration: {
            site: `site-${count}`,
            apiKey: `echoed-key-${count}`,
            'base.url': 'x',
            'pagination.max': '5',
          },
        }),
      }
    })
    const client = createProvisioningClient(clientOptions(server.baseUrl))
    const first = await client.provision(acme, request)
    const second = await client.provision(acme, request)
    const symbol = Symbol.for('nodejs.util.inspect.custom')
    expect((first as unknown as Record<symbol, unknown>)[symbol]).toBe(
      (second as unknown as Record<symbol, unknown>)[symbol],
    )
    const [shownFirst, shownSecond] = [first, second].map((item) => inspect(item, { depth: 10 }))
    expect(shownFirst).toContain('shown-1')
    expect(shownFirst).toContain('site-1')
    expect(shownFirst).not.toContain('site-2')
    expect(shownSecond).toContain('shown-2')
    expect(shownSecond).toContain('site-2')
    for (const shown of [shownFirst, shownSecond]) {
      expect(shown).not.toMatch(/token-of-instance|echoed-key/)
    }
    expect(Object.keys(first)).not.toContain(String(symbol))
    expect(Object.getOwnPropertySymbols({ ...first })).toEqual([])
  })

  it('keeps secrets out of inspect output of the client and the instance client', () => {
    const client = createPlatformClient({
      ...clientOptions(server.baseUrl),
      registry: createRegistry().register(acme),
    })
    for (const shown of [inspect(client, { depth: 10 }), inspect(client.forInstance(TOKEN))]) {
      expect(shown).not.toContain(USER_SECRET)
      expect(shown).not.toContain(ORGANIZATION_SECRET)
      expect(shown).not.toContain(TOKEN)
    }
    expect(inspect(client)).toContain(server.baseUrl)
  })
})

describe('createPlatformClient', () => {
  it.each([
    [{ baseUrl: 'not a url' }, 'baseUrl'],
    [{ baseUrl: 'ftp://host/x' }, 'baseUrl'],
    [{ baseUrl: 'http://u:p@host/x' }, 'baseUrl'],
    [{ userSecret: '' }, 'userSecret'],
    [{ organizationSecret: 'a,b' }, 'organizationSecret'],
    [{ vocabulary: 'widget' }, 'vocabulary'],
    [{ timeout: -1 }, 'timeout'],
    [{ retry: { limit: 1.5 } }, 'retry.limit'],
  ])('refuses %o', (override, argument) => {
    const error = (() => {
      try {
        createPlatformClient({ ...clientOptions('http://127.0.0.1:1/x'), ...(override as object) })
      } catch (caught) {
        return caught
      }
    })()
    expect(InvalidArgumentError.isInstance(error)).toBe(true)
    expect((error as InvalidArgumentError).argument).toBe(argument)
    expect((error as Error).message).not.toContain(USER_SECRET)
  })
})
