import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import type { AnyConnector } from './connector.js'
import { booksy, crmly, salesy } from './test-support/oauth-connectors.js'
import {
  ConformanceError,
  checkAuthorization,
  checkSampleAuthorizes,
  testConnector,
} from './testing.js'

testConnector(crmly)
testConnector(salesy)
testConnector(booksy)

/** The message of the ConformanceError `check` throws for `connector`. */
function failureOf(check: (connector: AnyConnector) => void, connector: AnyConnector): string {
  try {
    check(connector)
  } catch (error) {
    if (error instanceof ConformanceError) return error.message
    throw error
  }
  throw new Error('the check passed')
}

describe('the conformance kit on OAuth connectors', () => {
  it('refuses an OAuth declaration the descriptor contradicts', () => {
    const broken = {
      ...salesy,
      descriptor: { ...salesy.descriptor, authentication: { type: 'basic' } },
    }
    expect(failureOf(checkAuthorization, broken)).toMatch(
      /authorization is oauth2, but descriptor.authentication.type is "basic"/,
    )
  })

  it('refuses an OAuth descriptor on a connector that declares no OAuth', () => {
    const { authorization: _dropped, ...undeclared } = salesy
    expect(failureOf(checkAuthorization, undeclared as AnyConnector)).toMatch(
      /the descriptor authenticates with oauth2, but the connector declares no OAuth/,
    )
  })

  it('refuses an unknown URL parameter', () => {
    const broken = { ...salesy, authorization: { kind: 'oauth2', urlParameters: ['scopes'] } }
    expect(failureOf(checkAuthorization, broken as AnyConnector)).toMatch(
      /urlParameters name "scopes"/,
    )
  })

  it('refuses an OAuth connector without the OAuth entries, or with them unmasked', () => {
    const missing = {
      ...salesy,
      config: v.strictObject({ 'oauth.api.key': salesy.config.entries['oauth.api.key'] }),
    }
    expect(failureOf(checkAuthorization, missing as AnyConnector)).toMatch(
      /has no entries "oauth.api.secret", "oauth.callback.url"/,
    )
    const unmasked = {
      ...salesy,
      config: v.strictObject({
        ...salesy.config.entries,
        'oauth.api.secret': v.pipe(v.string(), v.description('The secret')),
      }),
    }
    expect(failureOf(checkAuthorization, unmasked as AnyConnector)).toMatch(
      /"oauth.api.secret" must be masked secrets/,
    )
  })

  it('refuses a choice whose requires list disagrees with its config option', () => {
    const declared = crmly.authorization as NonNullable<typeof crmly.authorization>
    const broken = {
      ...crmly,
      authorization: {
        ...declared,
        choices: { ...declared.choices, apiKey: { ...declared.choices.apiKey, requires: [] } },
      },
    }
    expect(failureOf(checkAuthorization, broken as AnyConnector)).toMatch(
      /the "apiKey" choice declares that it requires \(none\), but its config option requires "crmly.apikey"/,
    )
  })

  it('refuses a choice over a config that is not a variant on its entry', () => {
    const broken = { ...crmly, config: salesy.config }
    expect(failureOf(checkAuthorization, broken as AnyConnector)).toMatch(
      /config must be v.variant\('authentication.type'/,
    )
  })

  it('refuses a sample that selects no way of authorising, or has no http(s) callback URL', () => {
    const none = { ...crmly, sample: { 'authentication.type': 'basic' } }
    expect(failureOf(checkSampleAuthorizes, none as AnyConnector)).toMatch(
      /selects no declared way/,
    )
    const callback = { ...salesy, sample: { ...salesy.sample, 'oauth.callback.url': 'ftp://x' } }
    expect(failureOf(checkSampleAuthorizes, callback as AnyConnector)).toMatch(
      /must be an http\(s\) URL/,
    )
  })
})
