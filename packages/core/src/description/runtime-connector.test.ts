import { describe, expect, it } from 'vitest'
import { ConfigurationError } from '../errors/configuration-error.js'
import { InvalidArgumentError } from '../errors/invalid-argument-error.js'
import { testConnector } from '../testing.js'
import { validateConfiguration } from '../validate-configuration.js'
import { connectorFromDescription } from './runtime-connector.js'

const description = {
  connector: { id: 7, key: 'acmecrm', name: 'Acme CRM', hub: 'crm' },
  configuration: [
    {
      key: 'acme.user',
      name: 'User',
      type: 'TEXTFIELD_16',
      required: true,
      defaultValue: null,
      description: 'The user.',
      hideFromConsole: false,
    },
    {
      key: 'acme.password',
      name: 'Password',
      type: 'PASSWORD',
      required: true,
      defaultValue: null,
      description: 'The password.',
      hideFromConsole: false,
    },
    {
      key: 'acme.sandbox',
      name: 'Sandbox',
      type: 'BOOLEAN',
      required: false,
      defaultValue: null,
      description: '',
      hideFromConsole: false,
    },
    {
      key: 'base.url',
      name: 'Base URL',
      type: 'TEXTFIELD_1000',
      required: false,
      defaultValue: 'https://acme.test',
      description: '',
      hideFromConsole: true,
    },
  ],
}

const connector = connectorFromDescription(description)

testConnector(connector)

describe('connectorFromDescription', () => {
  it('types nothing statically but validates: missing named, unknown refused, limits kept', () => {
    expect(connector.key).toBe('acmecrm')
    expect(connector.defaults).toEqual({ 'base.url': 'https://acme.test' })
    const missing = (() => {
      try {
        validateConfiguration(connector, { 'acme.sandbox': true })
      } catch (error) {
        return error
      }
    })()
    expect(ConfigurationError.isInstance(missing) && missing.missing).toEqual([
      'acme.user',
      'acme.password',
    ])
    expect(() =>
      validateConfiguration(connector, { 'acme.user': 'u', 'acme.password': 'p', colour: 'red' }),
    ).toThrow(/colour/)
    expect(() =>
      validateConfiguration(connector, { 'acme.user': 'u'.repeat(17), 'acme.password': 'p' }),
    ).toThrow(/at most 16/)
  })

  it('refuses what is not a description', () => {
    expect(() =>
      connectorFromDescription({ connector: { id: 1, key: '', name: 'x' }, configuration: [] }),
    ).toThrow(InvalidArgumentError)
    expect(() =>
      connectorFromDescription({
        connector: { id: 1, key: 'x', name: 'x' },
        configuration: [{ key: 3 } as never],
      }),
    ).toThrow(/malformed configuration entry/)
  })
})

describe('connectorFromDescription of an OAuth connector', () => {
  it('declares the OAuth authorisation the descriptor names, so provisioning asks for providerData', () => {
    const oauth1 = connectorFromDescription({
      ...description,
      connector: { ...description.connector, authentication: { type: 'oauth1' } },
    })
    expect(oauth1.authorization).toEqual({ kind: 'oauth1' })
    expect(connector.authorization).toBeUndefined()
  })
})
