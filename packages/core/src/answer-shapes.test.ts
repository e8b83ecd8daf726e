import * as v from 'valibot'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPlatformClient } from './client/create-client.js'
import { configEntries } from './config-entries.js'
import { defineConnector } from './connector.js'
import { maskedKeys, secretKeys } from './connector-keys.js'
import { ConfigurationError } from './errors/configuration-error.js'
import { ResponseValidationError } from './errors/request-errors.js'
import { MASK, PLATFORM_COMMON_ENTRIES } from './protocol/index.js'
import { SPECIFICATION_VERSION } from './specification.js'
import { testDescriptor } from './test-support/connectors.js'
import { clientOptions, instanceBody, TOKEN } from './test-support/fixtures.js'
import { startTestServer, type TestServer } from './test-support/server.js'
import { validateUpdateConfiguration } from './validate-update.js'

/** A connector with an echoed API key and a password the platform masks (and that MASK fails). */
const vault = defineConnector({
  specificationVersion: SPECIFICATION_VERSION,
  key: 'vault',
  metadata: {
    displayName: 'Vault',
    description: 'For tests.',
    hub: 'payment',
    authentication: 'basic',
  },
  descriptor: testDescriptor('vault', 903),
  config: v.strictObject({
    site: v.pipe(v.string(), v.regex(/^[a-z]+$/)),
    username: v.pipe(v.string(), v.regex(/^key_/), v.metadata({ secret: true })),
    password: v.pipe(v.string(), v.regex(/^pw_/), v.metadata({ secret: true, masked: true })),
  }),
  response: v.looseObject({ site: v.string() }),
  defaults: { 'base.url': 'https://{site}.vault.test', 'pagination.max': '50' },
  aliases: { apiKey: 'username' },
  sample: { site: 'acme', username: 'key_1', password: 'pw_1' },
})

describe('masking and redaction, modelled apart', () => {
  it('reads which entries the platform masks and which plugboard redacts', () => {
    expect([...maskedKeys(vault)]).toEqual(['password'])
    expect([...secretKeys(vault)]).toEqual(['username', 'password'])
    expect(configEntries(vault.config).map((entry) => [entry.key, entry.masked])).toEqual([
      ['site', false],
      ['username', false],
      ['password', true],
    ])
  })
})

describe('validateUpdateConfiguration: what GET returned may be sent back', () => {
  const returned = {
    ...PLATFORM_COMMON_ENTRIES,
    ...vault.defaults,
    site: 'acme',
    username: 'key_1',
    password: MASK,
  }

  it('passes platform entries through, keeps a masked password masked, validates the rest', () => {
    expect(validateUpdateConfiguration(vault, returned)).toEqual(returned)
  })

  it('still refuses a bad or unknown entry, naming each, and a password that is not the mask', () => {
    const error = (() => {
      try {
        validateUpdateConfiguration(vault, {
          ...returned,
          site: 'Bad!',
          nosuch: 'x',
          password: 'no',
        })
      } catch (caught) {
        return caught
      }
    })()
    expect(ConfigurationError.isInstance(error)).toBe(true)
    const refused = error as ConfigurationError
    expect(refused.invalid.sort()).toEqual(['password', 'site'])
    expect(refused.unknown).toEqual(['nosuch'])
  })

  it('refuses a platform entry that is not a string or null', () => {
    expect(() => validateUpdateConfiguration(vault, { ...returned, 'pagination.max': 50 })).toThrow(
      /pagination\.max/,
    )
  })

  it('accepts an alias in place of the entry it names', () => {
    const { username: _, ...rest } = returned
    expect(validateUpdateConfiguration(vault, { ...rest, apiKey: 'key_2' })).toMatchObject({
      username: 'key_2',
    })
  })
})

describe('answer shapes the platform allows', () => {
  let server: TestServer
  beforeEach(async () => {
    server = await startTestServer()
  })
  afterEach(async () => {
    await server.close()
  })

  it('parses an unhydrated list: id, name and configuration only', async () => {
    server.handle(() => ({
      json: [
        { id: 1, name: 'a', configuration: { site: 'x' } },
        { id: 2, name: 'b', configuration: {}, tags: ['t'], user: { id: 7 } },
      ],
    }))
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const page = await client.instances.list()
    expect(page.instances.map((instance) => [instance.id, instance.connector])).toEqual([
      [1, undefined],
      [2, undefined],
    ])
    expect(page.instances[1]?.user).toEqual({ id: 7 })
  })

  it('accepts a one-element array from the token-scoped GET, and refuses two', async () => {
    const client = createPlatformClient(clientOptions(server.baseUrl))
    server.handle(() => ({ json: [instanceBody({ id: 5 })] }))
    expect((await client.forInstance(TOKEN).instance.get()).id).toBe(5)
    server.handle(() => ({ json: [instanceBody({ id: 5 }), instanceBody({ id: 6 })] }))
    const error = await client
      .forInstance(TOKEN)
      .instance.get()
      .catch((caught) => caught)
    expect(ResponseValidationError.isInstance(error)).toBe(true)
    server.handle(() => ({ json: [instanceBody({ id: 5 })] }))
    const byId = await client.instances.get(5).catch((caught) => caught)
    expect(ResponseValidationError.isInstance(byId)).toBe(true)
  })

  it('sends a GET answer back with PUT as it is, the connector given', async () => {
    const got = { ...instanceBody({ key: 'vault' }), configuration: { ...returnedConfiguration() } }
    server.handle(() => ({ json: got }))
    const client = createPlatformClient(clientOptions(server.baseUrl))
    const current = await client.instances.get(12, vault)
    await client.instances.update(
      12,
      {
        name: current.name,
        configuration: current.configuration as never,
        providerData: { code: 'c0de-secret' },
      },
      vault,
    )
    const sent = server.requests.at(-1)
    expect(sent?.method).toBe('PUT')
    expect(JSON.parse(sent?.body ?? '{}').configuration).toEqual(returnedConfiguration())
    expect(JSON.parse(sent?.body ?? '{}').providerData).toEqual({ code: 'c0de-secret' })
  })
})

function returnedConfiguration() {
  return {
    ...PLATFORM_COMMON_ENTRIES,
    ...vault.defaults,
    site: 'acme',
    username: 'key_1',
    password: MASK,
  }
}
