import {
  type ConfigurationOf,
  createRegistry,
  type InstanceConfigurationOf,
  validateConfiguration,
} from '@plugboard/core'
import { describe, expectTypeOf, it } from 'vitest'
import { chargebeeApiBaseUrl } from './base-url.js'
import type { ChargebeeConfiguration } from './config.js'
import { type ChargebeeConnector, chargebee } from './connector.js'
import type { ChargebeeInstanceConfiguration } from './response.js'

describe('chargebee types', () => {
  it('comes out of a registry exactly typed', () => {
    const registry = createRegistry().register(chargebee)
    expectTypeOf(registry.get('chargebee')).toEqualTypeOf<typeof chargebee>()
    expectTypeOf(registry.get('chargebee')).toEqualTypeOf<ChargebeeConnector>()
    expectTypeOf(chargebee.key).toEqualTypeOf<'chargebee'>()
    // @ts-expect-error: only registered keys can be looked up with get
    registry.get('stripe')
  })

  it('types the configuration a caller passes', () => {
    expectTypeOf<ConfigurationOf<ChargebeeConnector>>().toEqualTypeOf<ChargebeeConfiguration>()
    expectTypeOf<ChargebeeConfiguration>().toEqualTypeOf<{
      site: string
      username: string
      password?: string | undefined
    }>()
    const ok: ChargebeeConfiguration = { site: 'acme-test', username: 'test_key' }
    expectTypeOf(ok).toEqualTypeOf<ChargebeeConfiguration>()
    // @ts-expect-error: an unknown configuration key
    const mistyped: ChargebeeConfiguration = { site: 'acme-test', username: 'k', apiKey: 'k' }
    // @ts-expect-error: a value of the wrong type
    const wrongType: ChargebeeConfiguration = { site: 42, username: 'k' }
    // @ts-expect-error: the API key is required
    const missing: ChargebeeConfiguration = { site: 'acme-test' }
    void [mistyped, wrongType, missing]
  })

  it('types the validated configuration and the instance configuration', () => {
    expectTypeOf(validateConfiguration(chargebee, {})).toEqualTypeOf<{
      site: string
      username: string
      password?: string | undefined
    }>()
    expectTypeOf<
      InstanceConfigurationOf<ChargebeeConnector>
    >().toEqualTypeOf<ChargebeeInstanceConfiguration>()
    expectTypeOf<ChargebeeInstanceConfiguration['site']>().toEqualTypeOf<string>()
    expectTypeOf<ChargebeeInstanceConfiguration['base.url']>().toEqualTypeOf<string>()
    expectTypeOf<ChargebeeInstanceConfiguration['pagination.max']>().toEqualTypeOf<string>()
    expectTypeOf<ChargebeeInstanceConfiguration['bulk.relations']>().toEqualTypeOf<string | null>()
    expectTypeOf<ChargebeeInstanceConfiguration['password']>().toEqualTypeOf<
      string | null | undefined
    >()
    // extra keys are kept, as unknown
    expectTypeOf<ChargebeeInstanceConfiguration['event.objects']>().toEqualTypeOf<unknown>()
  })

  it('types the base URL helper', () => {
    expectTypeOf(chargebeeApiBaseUrl).parameter(0).toMatchTypeOf<{ site: string }>()
    expectTypeOf(chargebeeApiBaseUrl).returns.toEqualTypeOf<string>()
    // @ts-expect-error: the site is required
    chargebeeApiBaseUrl({ 'base.url': 'https://{site}.chargebee.com/api/v1' })
  })
})
