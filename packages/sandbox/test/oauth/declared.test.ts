import { type AnyConnector, connectorFromDescription, createRegistry } from '@plugboard/core'
import { afterEach, describe, expect, it } from 'vitest'
import { authorisationOfConnector } from '../../src/oauth/declared.js'
import { api, appConfiguration, codeFor, type OAuthSandbox, startOAuthSandbox } from './flow.js'

/** A connector as a package would declare it, with `authorization` (core's connector field). */
function connector(key: string, authorization: unknown, entries: string[] = []): AnyConnector {
  const built = connectorFromDescription({
    connector: { id: 90_001, key, name: `Acme ${key}` },
    configuration: [
      ...['oauth.api.key', 'oauth.api.secret'].map((entry) => ({
        key: entry,
        name: entry,
        type: 'PASSWORD',
        required: false,
        defaultValue: null,
        description: '',
        hideFromConsole: false,
      })),
      ...['oauth.callback.url', 'authentication.type', ...entries].map((entry) => ({
        key: entry,
        name: entry,
        type: 'TEXTFIELD_1000',
        required: false,
        defaultValue: null,
        description: '',
        hideFromConsole: false,
      })),
    ],
  })
  return { ...built, authorization } as AnyConnector
}

describe('how a connector authorises: its declaration, else the catalogue', () => {
  it('reads a package declaration: OAuth 1.0a with its callback values, a choice', () => {
    expect(
      authorisationOfConnector(
        connector('quickbooks', { kind: 'oauth1', callbackValues: ['realmId'] }),
      ),
    ).toEqual({
      kind: 'oauth1',
      urlParameters: ['requestToken', 'scope', 'siteAddress', 'state'],
      callbackValues: [{ parameter: 'realmId', entry: 'quickbooks.realm.id' }],
    })
    const choice = authorisationOfConnector(
      connector('acmecrm', {
        kind: 'choice',
        entry: 'authentication.type',
        choices: {
          apiKey: { authorization: { kind: 'configuration' }, requires: ['acme.key'] },
          oauth2: {
            authorization: { kind: 'oauth2', urlParameters: ['scope'] },
            requires: ['oauth.api.key'],
          },
        },
      }),
    )
    expect(choice).toMatchObject({
      kind: 'choice',
      entry: 'authentication.type',
      defaultChoice: 'oauth2',
      choices: {
        apiKey: { flow: undefined, requires: ['acme.key'] },
        oauth2: { flow: 'oauth2', requires: ['oauth.api.key'] },
      },
      oauth: { kind: 'oauth2', urlParameters: ['scope'], callbackValues: [] },
    })
  })

  it('takes the catalogue over a bare kind (what a description gives), and none means configuration', () => {
    expect(authorisationOfConnector(connector('hubspotcrm', { kind: 'oauth2' })).kind).toBe(
      'choice',
    )
    expect(authorisationOfConnector(connector('notcatalogued', { kind: 'oauth2' }))).toEqual({
      kind: 'oauth2',
      urlParameters: [],
      callbackValues: [],
    })
    expect(authorisationOfConnector(connector('notcatalogued2', undefined))).toEqual({
      kind: 'configuration',
    })
  })
})

describe('a package that declares OAuth, served by the sandbox', () => {
  let sandbox: OAuthSandbox | undefined
  afterEach(() => sandbox?.close())

  it('provisions through the OAuth flow only with a code', async () => {
    const acme = connector('acmeoauth', { kind: 'oauth2', urlParameters: ['scope'] })
    sandbox = await startOAuthSandbox({ registry: createRegistry().register(acme) })
    const body = { your_mom: { key: 'acmeoauth' }, name: 'Acme', configuration: appConfiguration() }
    const without = await api(sandbox.server, 'POST', '/instances', body)
    expect(without.body.message).toBe(
      'You must provide an OAuth code in order to create an instance of this element',
    )
    const code = await codeFor(sandbox.server, 'acmeoauth', { scope: 'read' })
    const created = await api(sandbox.server, 'POST', '/instances', {
      ...body,
      providerData: { code },
    })
    expect(created.status).toBe(200)
    expect(created.body.configuration).toMatchObject({
      'oauth.user.token': '********',
      'oauth.api.secret': '********',
    })
  })
})
