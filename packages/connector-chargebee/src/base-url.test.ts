import { describe, expect, it } from 'vitest'
import { chargebeeApiBaseUrl } from './base-url.js'
import { chargebeeDefaults } from './defaults.js'

describe('chargebeeApiBaseUrl', () => {
  it('fills the site into the instance base URL template', () => {
    expect(
      chargebeeApiBaseUrl({ site: 'acme-test', 'base.url': chargebeeDefaults['base.url'] }),
    ).toBe('https://acme-test.chargebee.com/api/v1')
  })

  it('falls back to the platform default template when base.url is missing or null', () => {
    expect(chargebeeApiBaseUrl({ site: 'acme' })).toBe('https://acme.chargebee.com/api/v1')
    expect(chargebeeApiBaseUrl({ site: 'acme', 'base.url': null })).toBe(
      'https://acme.chargebee.com/api/v1',
    )
  })

  it('follows a base URL the platform changed', () => {
    expect(
      chargebeeApiBaseUrl({ site: 'acme', 'base.url': 'https://{site}.chargebee.com/api/v2' }),
    ).toBe('https://acme.chargebee.com/api/v2')
  })

  it('encodes a site that is not a plain subdomain instead of changing the host', () => {
    expect(chargebeeApiBaseUrl({ site: 'evil.example/x?' })).toBe(
      'https://evil.example%2Fx%3F.chargebee.com/api/v1',
    )
  })
})
