import { readFileSync } from 'node:fs'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { chargebeeDefaults } from './defaults.js'
import { chargebeeInstanceConfiguration } from './response.js'

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url), 'utf8'))

const specResponse = fixture('create-instance.response.json')
const specConfiguration = specResponse.configuration as Record<string, unknown>

describe('the chargebee instance configuration schema', () => {
  it('parses the configuration map of the spec response with nothing lost', () => {
    const parsed = v.parse(chargebeeInstanceConfiguration, specConfiguration)
    expect(parsed).toEqual(specConfiguration)
    expect(parsed.site).toBe('CHARGEBEE_SUBDOMAIN')
    expect(parsed['base.url']).toBe('https://{site}.chargebee.com/api/v1')
    expect(parsed['pagination.max']).toBe('100')
    expect(parsed['bulk.relations']).toBeNull()
  })

  it('types every key of the spec response configuration', () => {
    const typed = Object.keys(chargebeeInstanceConfiguration.entries).sort()
    expect(typed).toEqual(Object.keys(specConfiguration).sort())
  })

  it('keeps keys the platform adds later', () => {
    const parsed = v.parse(chargebeeInstanceConfiguration, {
      ...specConfiguration,
      'event.objects': 'customers,subscriptions',
    })
    expect(parsed).toMatchObject({ 'event.objects': 'customers,subscriptions' })
  })

  it('accepts a masked password and an instance without password', () => {
    const { password: _password, ...withoutPassword } = specConfiguration
    expect(v.is(chargebeeInstanceConfiguration, withoutPassword)).toBe(true)
    expect(
      v.is(chargebeeInstanceConfiguration, { ...specConfiguration, password: '********' }),
    ).toBe(true)
  })

  it('refuses a configuration without site, naming it', () => {
    const { site: _site, ...withoutSite } = specConfiguration
    const result = v.safeParse(chargebeeInstanceConfiguration, withoutSite)
    expect(result.success).toBe(false)
    expect(result.issues?.map((issue) => v.getDotPath(issue))).toEqual(['site'])
  })
})

describe('the chargebee defaults', () => {
  it('are the spec response configuration without the caller entries', () => {
    const { site: _s, username: _u, password: _p, ...platformEntries } = specConfiguration
    expect(chargebeeDefaults).toEqual(platformEntries)
  })
})
