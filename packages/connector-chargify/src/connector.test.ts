import {
  ConfigurationError,
  createRegistry,
  SPECIFICATION_VERSION,
  validateConfiguration,
} from '@plugboard/core'
import { testConnector } from '@plugboard/core/testing'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { chargifyApiBaseUrl } from './base-url.js'
import { chargify } from './connector.js'
import { chargifyInstanceConfiguration } from './response.js'

testConnector(chargify)

/** Runs `validateConfiguration` and returns the `ConfigurationError` it must throw. */
function refusal(configuration: unknown): ConfigurationError {
  try {
    validateConfiguration(chargify, configuration)
  } catch (error) {
    if (ConfigurationError.isInstance(error)) return error
    throw error
  }
  throw new Error('the configuration was accepted')
}

describe('the chargify connector', () => {
  it('is a payment-hub connector on HTTP Basic, found in a registry under its key', () => {
    expect(chargify.specificationVersion).toBe(SPECIFICATION_VERSION)
    expect(chargify.descriptor).toMatchObject({
      key: 'chargify',
      hub: 'payment',
      authentication: { type: 'basic' },
    })
    expect(createRegistry().register(chargify).get('chargify')).toBe(chargify)
  })

  it('refuses a configuration without site and API key in one error naming both', () => {
    const error = refusal({ password: 'x-secret-password' })
    expect(error.missing).toEqual(['site', 'username'])
    expect(error.message).not.toContain('x-secret-password')
  })

  it.each([
    ['https://globex.chargify.com', /not a URL or host name \(enter "globex"\)/],
    ['Globex', /lowercase \(enter "globex"\)/],
    ['globex_billing', /only lowercase letters, digits and "-" \(enter "globex-billing"\)/],
  ])('refuses the site %j, naming site and the reason', (site, reason) => {
    const error = refusal({ site, username: 'test_chargifyKey' })
    expect(error.invalid).toEqual(['site'])
    expect(error.issues[0]?.message).toMatch(reason)
    expect(error.message).not.toContain('test_chargifyKey')
  })

  it('accepts a configuration with or without password', () => {
    expect(validateConfiguration(chargify, { site: ' acme ', username: 'k' })).toEqual({
      site: 'acme',
      username: 'k',
    })
    expect(validateConfiguration(chargify, { site: 'acme', username: 'k', password: 'x' })).toEqual(
      {
        site: 'acme',
        username: 'k',
        password: 'x',
      },
    )
  })

  it('adds the site base URL and page pagination from 1, at most 50', () => {
    expect(chargify.defaults).toEqual({
      'base.url': 'https://{site}.chargify.com',
      'pagination.type': 'page',
      'pagination.page.startindex': '1',
      'pagination.max': '50',
    })
  })

  it('parses a returned configuration with secrets masked, keeping extra keys', () => {
    const returned = {
      ...chargify.defaults,
      site: 'acme',
      username: '********',
      password: '********',
      'event.vendor.type': 'polling',
    }
    expect(v.parse(chargifyInstanceConfiguration, returned)).toEqual(returned)
  })

  it('resolves the API base URL of an instance', () => {
    expect(chargifyApiBaseUrl({ site: 'acme', 'base.url': chargify.defaults['base.url'] })).toBe(
      'https://acme.chargify.com',
    )
    expect(chargifyApiBaseUrl({ site: 'acme', 'base.url': null })).toBe('https://acme.chargify.com')
    expect(chargifyApiBaseUrl({ site: 'a/b' })).toBe('https://a%2Fb.chargify.com')
  })
})
