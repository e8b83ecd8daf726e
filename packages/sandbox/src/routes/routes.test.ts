import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSandbox, type Sandbox } from '../sandbox.js'
import { call, devAuthorization } from '../test-support.js'

let sandbox: Sandbox

beforeEach(() => {
  sandbox = createSandbox()
})

afterEach(() => {
  sandbox.close()
})

const root = '/elements/api-v2'

async function provision(): Promise<{ id: number; token: string }> {
  const answer = await call(sandbox, 'POST', `${root}/instances`, {
    body: {
      element: { key: 'chargebee' },
      name: 'Routes',
      configuration: { site: 'acme-test', username: 'test_routesKey' },
    },
  })
  expect(answer.status).toBe(200)
  return answer.body as { id: number; token: string }
}

describe('one instance router, mounted for the by-id and token forms', () => {
  it('answers one configuration entry by id or key, in both forms', async () => {
    const { id, token } = await provision()
    const byToken = { authorization: `${devAuthorization}, Element ${token}` }
    const byKey = await call(sandbox, 'GET', `${root}/instances/${id}/configuration/site`)
    expect(byKey).toMatchObject({ status: 200, body: { key: 'site', propertyValue: 'acme-test' } })
    const entryId = (byKey.body as { id: number }).id
    const byEntryId = await call(sandbox, 'GET', `${root}/instances/${id}/configuration/${entryId}`)
    expect(byEntryId.body).toEqual(byKey.body)
    const scoped = await call(sandbox, 'GET', `${root}/instances/configuration/site`, byToken)
    expect(scoped.body).toEqual(byKey.body)
    const missing = await call(sandbox, 'GET', `${root}/instances/${id}/configuration/nothing`)
    expect(missing.status).toBe(404)
  })

  it('answers 405 naming the method for every method a route does not serve', async () => {
    const { id, token } = await provision()
    const byToken = { authorization: `${devAuthorization}, Element ${token}` }
    const cases: [string, string, Parameters<typeof call>[3]][] = [
      ['POST', `${root}/instances/${id}`, {}],
      ['POST', `${root}/instances/${id}/configuration`, {}],
      ['DELETE', `${root}/instances/${id}/configuration/site`, {}],
      ['GET', `${root}/instances/${id}/enabled`, {}],
      ['PUT', `${root}/instances/configuration/site`, byToken],
      ['GET', `${root}/instances/enabled`, byToken],
      ['PUT', `${root}/elements/chargebee`, {}],
      ['PUT', `${root}/elements/chargebee/instances`, {}],
      ['POST', `${root}/elements/451/instances/${id}`, {}],
      ['POST', '/health', { authorization: null }],
    ]
    for (const [method, path, options] of cases) {
      const answer = await call(sandbox, method, path, options)
      expect(answer.status, `${method} ${path}`).toBe(405)
      expect((answer.body as { message: string }).message).toContain(`Method ${method}`)
    }
  })
})
