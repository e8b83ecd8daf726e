import { inspect } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPlatformClient } from './client/create-client.js'
import { PlatformError } from './errors/request-errors.js'
import { acme } from './test-support/connectors.js'
import { clientOptions, instanceBody } from './test-support/fixtures.js'
import { startTestServer, type TestServer } from './test-support/server.js'

let server: TestServer

beforeEach(async () => {
  server = await startTestServer()
})

afterEach(async () => {
  await server.close()
})

/** The error of a later, unrelated call whose answer echoes `secret`. */
async function echoed(
  client: ReturnType<typeof createPlatformClient>,
  secret: string,
): Promise<string> {
  server.handle(() => ({ status: 400, json: { message: `stored value ${secret} is wrong` } }))
  const error = await client.instances.get(99).then(
    () => expect.unreachable('the call should have failed'),
    (caught: unknown) => caught,
  )
  expect(PlatformError.isInstance(error)).toBe(true)
  return `${(error as Error).message}\n${inspect(error, { depth: 10 })}`
}

describe('secrets sent on updates are remembered like provisioned ones', () => {
  const calls: [
    string,
    (client: ReturnType<typeof createPlatformClient>, value: string) => Promise<unknown>,
  ][] = [
    [
      'update',
      (client, value) =>
        client.instances.update(
          12,
          { name: 'n', configuration: { site: 'acme-test', apiKey: value } },
          acme,
        ),
    ],
    [
      'patch',
      (client, value) => client.instances.patch(12, { configuration: { apiKey: value } }, acme),
    ],
    ['setConfiguration', (client, value) => client.instances.setConfiguration(12, 'apiKey', value)],
    [
      'token-scoped setConfiguration',
      (client, value) =>
        client.forInstance('an-instance-token-1').instance.setConfiguration('apiKey', value),
    ],
  ]
  for (const [name, call] of calls) {
    it(`redacts a value sent by ${name} from the errors of later calls`, async () => {
      const value = `sent-by-${name.replace(/\W/g, '-')}-k3y`
      const client = createPlatformClient(clientOptions(server.baseUrl))
      server.handle((sent) =>
        sent.path.endsWith('/configuration/apiKey')
          ? { json: { id: 1, key: 'apiKey', name: 'API key', propertyValue: '********' } }
          : { json: instanceBody() },
      )
      await call(client, value)
      const shown = await echoed(client, value)
      expect(shown).not.toContain(value)
      expect(shown).toContain('stored value ******** is wrong')
    })
  }

  it('cuts a long platform message after redacting it, never through a secret', async () => {
    const secret = 'a-long-secret-value-that-crosses-the-cut'
    const client = createPlatformClient(clientOptions(server.baseUrl))
    server.handle(() => ({ json: instanceBody() }))
    await client.instances.patch(12, { configuration: { apiKey: secret } }, acme)
    server.handle(() => ({ status: 400, json: { message: `${'x'.repeat(990)}${secret}` } }))
    const error = (await client.instances
      .get(1)
      .catch((caught: unknown) => caught)) as PlatformError
    expect(error.platformMessage).toBe(`${'x'.repeat(990)}********`)
    server.handle(() => ({ status: 400, json: { message: `${'x'.repeat(995)}${secret}` } }))
    const cut = (await client.instances.get(1).catch((caught: unknown) => caught)) as PlatformError
    expect(cut.platformMessage).toBe(`${'x'.repeat(995)}*****…`)
    expect(cut.platformMessage).not.toContain('a-lon')
  })
})
