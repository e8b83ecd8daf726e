import {
  ConfigurationError,
  createRegistry,
  SPECIFICATION_VERSION,
  validateConfiguration,
} from '@plugboard/core'
import { testConnector } from '@plugboard/core/testing'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { stripe } from './connector.js'
import { stripeInstanceConfiguration } from './response.js'

testConnector(stripe)

/** Runs `validateConfiguration` and returns the `ConfigurationError` it must throw. */
function refusal(configuration: unknown): ConfigurationError {
  try {
    validateConfiguration(stripe, configuration)
  } catch (error) {
    if (ConfigurationError.isInstance(error)) return error
    throw error
  }
  throw new Error('the configuration was accepted')
}

describe('the stripe connector', () => {
  it('is a payment-hub connector on HTTP Basic, found in a registry under its key', () => {
    expect(stripe.specificationVersion).toBe(SPECIFICATION_VERSION)
    expect(stripe.descriptor).toMatchObject({
      key: 'stripe',
      hub: 'payment',
      authentication: { type: 'basic' },
    })
    expect(createRegistry().register(stripe).get('stripe')).toBe(stripe)
  })

  it('refuses a configuration without the secret API key, naming it', () => {
    const error = refusal({})
    expect(error.missing).toEqual(['username'])
  })

  it.each([
    ['pk_test_51Hxyz', /publishable key \(pk_…\)/],
    ['not-a-key', /expected a Stripe secret API key/],
    ['sk_prod_abc', /expected a Stripe secret API key/],
  ])('refuses the API key %j with a reason that does not repeat it', (key, reason) => {
    const error = refusal({ username: key })
    expect(error.invalid).toEqual(['username'])
    expect(error.issues[0]?.message).toMatch(reason)
    expect(error.message).not.toContain(key)
  })

  it('accepts test, live and restricted keys, trimmed', () => {
    for (const key of ['sk_test_abc123', 'sk_live_abc123', 'rk_live_abc123']) {
      expect(validateConfiguration(stripe, { username: ` ${key}\n` })).toEqual({ username: key })
    }
  })

  it('adds the Stripe base URL and cursor pagination of at most 100', () => {
    expect(stripe.defaults).toEqual({
      'base.url': 'https://api.stripe.com/v1',
      'pagination.type': 'cursor',
      'pagination.max': '100',
    })
  })

  it('parses a returned configuration with the key masked, keeping extra keys', () => {
    const returned = { ...stripe.defaults, username: '********', 'event.vendor.type': 'webhook' }
    expect(v.parse(stripeInstanceConfiguration, returned)).toEqual(returned)
  })
})
