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
    expect(error.missing).toEqual(['api.key'])
  })

  it.each([
    ['pk_test_51Hxyz', /publishable key \(pk_…\)/],
    ['not-a-key', /expected a Stripe secret API key/],
    ['sk_prod_abc', /expected a Stripe secret API key/],
  ])('refuses the API key %j with a reason that does not repeat it', (key, reason) => {
    const error = refusal({ 'api.key': key })
    expect(error.invalid).toEqual(['api.key'])
    expect(error.issues[0]?.message).toMatch(reason)
    expect(error.message).not.toContain(key)
  })

  it('accepts test, live and restricted keys, trimmed', () => {
    for (const key of ['sk_test_abc123', 'sk_live_abc123', 'rk_live_abc123']) {
      expect(validateConfiguration(stripe, { 'api.key': ` ${key}\n` })).toEqual({ 'api.key': key })
    }
  })

  it('accepts the older name `username` for the key, sent as `api.key`', () => {
    expect(validateConfiguration(stripe, { username: 'sk_test_abc123' })).toEqual({
      'api.key': 'sk_test_abc123',
    })
    const clash = refusal({ username: 'sk_test_a1', 'api.key': 'sk_test_b2' })
    expect(clash.invalid).toEqual(['api.key'])
    expect(clash.message).not.toContain('sk_test_')
  })

  it('adds the Stripe base URL and cursor pagination of at most 100', () => {
    expect(stripe.defaults).toEqual({
      'base.url': 'https://api.stripe.com/v1',
      'pagination.type': 'cursor',
      'pagination.max': '100',
    })
  })

  it('parses a returned configuration with the key echoed, keeping extra keys', () => {
    const returned = {
      ...stripe.defaults,
      'api.key': 'sk_test_abc123',
      'event.vendor.type': 'webhook',
    }
    expect(v.parse(stripeInstanceConfiguration, returned)).toEqual(returned)
  })
})
