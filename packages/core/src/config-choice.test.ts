import { describe, expect, it } from 'vitest'
import { authorizationFor, oauthAuthorizationOf } from './authorization.js'
import { configEntries } from './config-entries.js'
import { secretKeys } from './connector-keys.js'
import { ConfigurationError } from './errors/configuration-error.js'
import { acme } from './test-support/connectors.js'
import { booksy, crmly } from './test-support/oauth-connectors.js'
import { validateConfiguration } from './validate-configuration.js'
import { validateUpdateConfiguration } from './validate-update.js'

const oauth = {
  'oauth.api.key': 'client-id',
  'oauth.api.secret': 'client-SECRET-x1',
  'oauth.callback.url': 'https://app.example.test/cb',
}

function refusal(configuration: unknown): ConfigurationError {
  try {
    validateConfiguration(crmly, configuration)
  } catch (error) {
    if (ConfigurationError.isInstance(error)) return error
    throw error
  }
  throw new Error('the configuration was accepted')
}

describe('a configuration chosen by authentication.type', () => {
  it('lists every entry once, required where every choice requires it', () => {
    expect(configEntries(crmly.config).map(({ key, required }) => [key, required])).toEqual([
      ['authentication.type', true],
      ['oauth.api.key', false],
      ['oauth.api.secret', false],
      ['oauth.callback.url', false],
      ['crmly.bulk', false],
      ['crmly.apikey', false],
    ])
    expect([...secretKeys(crmly)].sort()).toEqual([
      'crmly.apikey',
      'oauth.api.key',
      'oauth.api.secret',
    ])
  })

  it('validates each choice against its own entries', () => {
    expect(validateConfiguration(crmly, { 'authentication.type': 'oauth2', ...oauth })).toEqual({
      'authentication.type': 'oauth2',
      ...oauth,
    })
    expect(
      validateConfiguration(crmly, { 'authentication.type': 'apiKey', 'crmly.apikey': 'k1' }),
    ).toEqual({ 'authentication.type': 'apiKey', 'crmly.apikey': 'k1' })
  })

  it('names the entries the chosen way requires, and those it does not know', () => {
    const apiKey = refusal({ 'authentication.type': 'apiKey', 'oauth.api.key': 'client-id' })
    expect(apiKey.missing).toEqual(['crmly.apikey'])
    expect(apiKey.unknown).toEqual(['oauth.api.key'])
    expect(apiKey.issues.find((issue) => issue.kind === 'unknown')?.message).toBe(
      '"oauth.api.key" is not a crmly with authentication.type "apiKey" configuration entry',
    )
    const oauth2 = refusal({ 'authentication.type': 'oauth2' })
    expect(oauth2.missing).toEqual(['oauth.api.key', 'oauth.api.secret', 'oauth.callback.url'])
  })

  it('names the choosing entry and its values when it is missing or names no choice', () => {
    const missing = refusal({ 'crmly.bulk': 'true', stray: 1 })
    expect(missing.missing).toEqual(['authentication.type'])
    expect(missing.unknown).toEqual(['stray'])
    expect(missing.issues[0]?.message).toBe(
      '"authentication.type" is required: one of "oauth2", "apiKey"',
    )
    const wrong = refusal({ 'authentication.type': 'basic' })
    expect(wrong.invalid).toEqual(['authentication.type'])
    expect(wrong.message).toMatch(/must be one of "oauth2", "apiKey"/)
  })

  it('never repeats a secret value of a choice', () => {
    const error = refusal({ 'authentication.type': 'apiKey', 'crmly.apikey': 42 })
    expect(error.invalid).toEqual(['crmly.apikey'])
    expect(error.message).not.toContain('42')
  })

  it('accepts a full update sent back with masked values, per choice', () => {
    expect(
      validateUpdateConfiguration(crmly, {
        'authentication.type': 'oauth2',
        'oauth.api.key': '********',
        'oauth.api.secret': '********',
        'oauth.callback.url': 'https://app.example.test/cb',
      }),
    ).toEqual({
      'authentication.type': 'oauth2',
      'oauth.api.key': '********',
      'oauth.api.secret': '********',
      'oauth.callback.url': 'https://app.example.test/cb',
    })
  })
})

describe('authorizationFor and oauthAuthorizationOf', () => {
  it('reads the declaration, configuration-only by default, a choice by the configuration', () => {
    expect(authorizationFor(acme)).toEqual({ kind: 'configuration' })
    expect(authorizationFor(booksy)).toEqual({ kind: 'oauth1', callbackValues: ['realmId'] })
    expect(authorizationFor(crmly, { 'authentication.type': 'apiKey' })).toEqual({
      kind: 'configuration',
    })
    expect(authorizationFor(crmly, { 'authentication.type': 'oauth2' })?.kind).toBe('oauth2')
    expect(authorizationFor(crmly, {})).toBeUndefined()
    expect(oauthAuthorizationOf(crmly)).toEqual({
      authorization: { kind: 'oauth2', urlParameters: ['scope'] },
      choice: 'oauth2',
    })
    expect(oauthAuthorizationOf(acme)).toBeUndefined()
  })
})
