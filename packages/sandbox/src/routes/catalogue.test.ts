import { NEXT_PAGE_HEADER } from '@plugboard/core/protocol'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSandbox, type Sandbox } from '../sandbox.js'
import { call } from '../test-support.js'

let sandbox: Sandbox

beforeEach(() => {
  sandbox = createSandbox()
})

afterEach(() => {
  sandbox.close()
})

const root = '/elements/api-v2'

describe('the catalogue routes', () => {
  it('page the catalogue and filter it by hub, authentication and text', async () => {
    const first = await call(sandbox, 'GET', `${root}/elements?pageSize=100`)
    expect(first.status).toBe(200)
    expect(first.body).toHaveLength(100)
    const token = first.headers.get(NEXT_PAGE_HEADER)
    expect(token).toBeTruthy()
    const second = await call(sandbox, 'GET', `${root}/elements?pageSize=100&nextPage=${token}`)
    expect(second.body).toHaveLength(57)
    expect(second.headers.get(NEXT_PAGE_HEADER)).toBeNull()
    const crm = await call(
      sandbox,
      'GET',
      `${root}/elements?hub=crm&authentication=custom&text=pipe`,
    )
    expect(crm.body).toEqual([
      expect.objectContaining({ key: 'pipedrive', hub: 'crm', authentication: { type: 'custom' } }),
    ])
    const keys = (await call(sandbox, 'GET', `${root}/elements/keys`)).body as string[]
    expect(keys).toHaveLength(157)
    expect(keys).toContain('zendesk')
  })

  it('describe a catalogued connector by key or by its stable id', async () => {
    const byKey = await call(sandbox, 'GET', `${root}/elements/pipedrive`)
    expect(byKey.body).toMatchObject({ key: 'pipedrive', name: 'Pipedrive', hub: 'crm' })
    const { id } = byKey.body as { id: number }
    expect((await call(sandbox, 'GET', `${root}/elements/${id}`)).body).toEqual(byKey.body)
    const configuration = await call(sandbox, 'GET', `${root}/elements/${id}/configuration`)
    expect(configuration.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'pipedrive.email', required: true, type: 'TEXTFIELD_128' }),
        expect.objectContaining({ key: 'pipedrive.password', required: true, type: 'PASSWORD' }),
        expect.objectContaining({ key: 'base.url', hideFromConsole: true }),
      ]),
    )
    expect(
      (await call(sandbox, 'GET', `${root}/elements/pipedrive/authentication-types`)).body,
    ).toEqual(['custom'])
    expect((await call(sandbox, 'GET', `${root}/elements/pipedrive/parameters`)).body).toEqual([])
    const unknown = await call(sandbox, 'GET', `${root}/elements/nosuchthing`)
    expect(unknown.status).toBe(404)
    expect(JSON.stringify(unknown.body)).toMatch(/elements\/keys/)
  })

  it('let a connector package take precedence over its catalogue entry', async () => {
    const chargebee = await call(sandbox, 'GET', `${root}/elements/chargebee`)
    expect(chargebee.body).toMatchObject({ id: 451, key: 'chargebee' })
    expect((await call(sandbox, 'GET', `${root}/elements/451`)).body).toEqual(chargebee.body)
    const configuration = (await call(sandbox, 'GET', `${root}/elements/chargebee/configuration`))
      .body as { key: string; defaultValue: string | null; hideFromConsole: boolean }[]
    expect(configuration.find((entry) => entry.key === 'base.url')).toMatchObject({
      defaultValue: 'https://{site}.chargebee.com/api/v1',
      hideFromConsole: true,
    })
  })
})

describe('provisioning a catalogued connector without a package', () => {
  it('validates by the catalogue: missing entries named, unknown refused, then provisions', async () => {
    const missing = await call(sandbox, 'POST', `${root}/instances`, {
      body: { element: { key: 'pipedrive' }, name: 'Sales', configuration: {} },
    })
    expect(missing.status).toBe(400)
    expect(JSON.stringify(missing.body)).toMatch(/pipedrive\.email[\s\S]*pipedrive\.password/)
    const unknown = await call(sandbox, 'POST', `${root}/instances`, {
      body: {
        element: { key: 'pipedrive' },
        name: 'Sales',
        configuration: {
          'pipedrive.email': 'a@b.test',
          'pipedrive.password': 'pw-secret',
          colour: 'x',
        },
      },
    })
    expect(unknown.status).toBe(400)
    expect(JSON.stringify(unknown.body)).toMatch(/colour/)
    expect(JSON.stringify(unknown.body)).not.toMatch(/pw-secret/)
    const created = await call(sandbox, 'POST', `${root}/elements/pipedrive/instances`, {
      body: {
        name: 'Sales',
        configuration: { 'pipedrive.email': 'a@b.test', 'pipedrive.password': 'pw-secret' },
      },
    })
    expect(created.status).toBe(200)
    expect(created.body).toMatchObject({
      element: { key: 'pipedrive' },
      configuration: { 'pipedrive.email': 'a@b.test', 'pipedrive.password': '********' },
    })
    const { id } = created.body as { id: number }
    expect((await call(sandbox, 'GET', `${root}/instances/${id}`)).status).toBe(200)
  })

  it('takes an OAuth connector through the OAuth flow: without a code it answers the platform message', async () => {
    const configuration = {
      'oauth.api.key': 'app-key',
      'oauth.api.secret': 'app-secret',
      'oauth.callback.url': 'https://app.test/callback',
      'zendesk.subdomain': 'acme',
    }
    const answer = await call(sandbox, 'POST', `${root}/instances`, {
      body: { element: { key: 'zendesk' }, name: 'Desk', configuration },
    })
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({
      message: 'You must provide an OAuth code in order to create an instance of this element',
    })
  })
})
