import { ConfigurationError, configEntries, validateConfiguration } from '@plugboard/core'
import { describe, expect, it } from 'vitest'
import { CHARGEBEE_SITE_PATTERN } from './config.js'
import { chargebee } from './connector.js'

/** Runs `validateConfiguration` and returns the `ConfigurationError` it must throw. */
function refusal(configuration: unknown): ConfigurationError {
  try {
    validateConfiguration(chargebee, configuration)
  } catch (error) {
    if (ConfigurationError.isInstance(error)) return error
    throw error
  }
  throw new Error('the configuration was accepted')
}

describe('the chargebee configuration schema', () => {
  it('lists site and username as required, password as optional, the credentials as secret', () => {
    expect(
      configEntries(chargebee.config).map(({ key, required, secret }) => ({
        key,
        required,
        secret,
      })),
    ).toEqual([
      { key: 'site', required: true, secret: false },
      { key: 'username', required: true, secret: true },
      { key: 'password', required: false, secret: true },
    ])
  })

  it('refuses a configuration without site and API key in one error naming both', () => {
    const error = refusal({ password: 'cb-password' })
    expect(error.missing).toEqual(['site', 'username'])
    expect(error.invalid).toEqual([])
    expect(error.unknown).toEqual([])
    expect(error.message).toContain('site')
    expect(error.message).toContain('username')
    expect(error.message).not.toContain('cb-password')
  })

  it.each([
    ['https://acme-test.chargebee.com', /site name only, not a URL .*\(enter "acme-test"\)/],
    ['acme-test.chargebee.com', /not a URL or host name/],
    ['Acme-Test', /lowercase/],
    ['acme test', /only lowercase letters, digits/],
    ['acme/test', /only lowercase letters, digits/],
  ])('refuses the site %j, naming site and the reason', (site, reason) => {
    const error = refusal({ site, username: 'test_cbAPIkey123' })
    expect(error.invalid).toEqual(['site'])
    expect(error.issues).toHaveLength(1)
    expect(error.issues[0]?.message).toMatch(reason)
    expect(error.message).toMatch(/invalid entry "site"/)
    expect(error.message).not.toContain('test_cbAPIkey123')
  })

  it.each([
    ['https://globex.chargebee.com/', 'globex'],
    ['globex-test.chargebee.com', 'globex-test'],
    ['Globex', 'globex'],
    ['globex test', 'globex-test'],
  ])('suggests a site made from what was typed: %j -> %j', (site, suggestion) => {
    const error = refusal({ site, username: 'test_cbAPIkey123' })
    expect(error.issues[0]?.message).toContain(`(enter "${suggestion}")`)
    expect(error.issues[0]?.message).not.toContain('acme')
  })

  it('refuses an empty site and an empty API key without showing the other secrets', () => {
    const error = refusal({ site: '', username: '', password: 'cb-password' })
    expect(error.invalid).toEqual(['site', 'username'])
    expect(error.message).not.toContain('cb-password')
  })

  it('trims the site and accepts a configuration without password', () => {
    expect(
      validateConfiguration(chargebee, { site: '  acme-test ', username: 'test_cbAPIkey123' }),
    ).toEqual({
      site: 'acme-test',
      username: 'test_cbAPIkey123',
    })
  })

  it('accepts the spec example configuration as is', () => {
    const configuration = {
      site: 'acme-test',
      username: 'test_cbAPIkey123',
      password: 'cb-password',
    }
    expect(validateConfiguration(chargebee, configuration)).toEqual(configuration)
  })

  it('refuses a mistyped entry name, naming it', () => {
    const error = refusal({ site: 'acme-test', username: 'test_cbAPIkey123', apikey: 'x' })
    expect(error.unknown).toEqual(['apikey'])
  })

  it('exports the site pattern the schema checks', () => {
    expect(CHARGEBEE_SITE_PATTERN.test('acme_test-2')).toBe(true)
    expect(CHARGEBEE_SITE_PATTERN.test('Acme')).toBe(false)
  })
})
