import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { type AnyConnector, defineConnector } from './connector.js'
import { SPECIFICATION_VERSION } from './specification.js'
import { testDescriptor } from './test-support/connectors.js'
import {
  ConformanceError,
  checkDescriptions,
  checkDescriptor,
  checkRegistryRoundTrip,
  checkRequiredEntries,
  checkResponseAcceptsSample,
  checkSampleAccepted,
  checkSecretRedaction,
  checkSpecificationVersion,
  checkUnknownEntry,
  connectorChecks,
  testConnector,
} from './testing.js'

const descriptor = testDescriptor('acme', 9001)

const secret = v.metadata<string, { readonly secret: true }>({ secret: true })

const config = v.strictObject({
  site: v.pipe(
    v.string(),
    v.regex(/^[a-z]+$/, 'expected lowercase letters'),
    v.description('The site.'),
  ),
  apiKey: v.pipe(v.string(), v.nonEmpty(), v.description('The API key.'), secret),
  password: v.optional(
    v.pipe(
      v.string(),
      v.description('The password, if any.'),
      v.metadata({ secret: true, masked: true }),
    ),
  ),
})

const response = v.looseObject({
  site: v.string(),
  apiKey: v.string(),
  password: v.optional(v.string()),
  'base.url': v.string(),
  'pagination.max': v.nullable(v.string()),
})

/** A small connector that follows every rule. */
const acme = defineConnector({
  specificationVersion: SPECIFICATION_VERSION,
  key: 'acme',
  metadata: {
    displayName: 'Acme',
    description: 'Acme billing.',
    hub: 'payment',
    authentication: 'basic',
  },
  descriptor,
  config,
  response,
  defaults: { 'base.url': 'https://{site}.acme.test', 'pagination.max': null },
  sample: { site: 'acme', apiKey: 'acme_fake_key_123', password: 'acme-fake-password' },
})

/** `acme` with some parts replaced: a deliberately broken connector. */
const broken = (overrides: Partial<Record<keyof AnyConnector, unknown>>): AnyConnector =>
  ({ ...acme, ...overrides }) as AnyConnector

testConnector(acme)
testConnector(acme, { name: 'acme under a custom suite name' })

describe('the conformance checks', () => {
  it('all pass for a conforming connector', () => {
    for (const check of connectorChecks) expect(() => check.run(acme), check.name).not.toThrow()
  })

  it('refuse another specification version', () => {
    const connector = broken({ specificationVersion: 'v0' })
    expect(() => checkSpecificationVersion(connector)).toThrow(ConformanceError)
    expect(() => checkSpecificationVersion(connector)).toThrow(/specificationVersion is "v0"/)
    expect(() => checkRegistryRoundTrip(connector)).toThrow(/an empty registry refused it/)
  })

  it('refuse a descriptor whose key, hub or authentication disagrees', () => {
    expect(() => checkDescriptor(broken({ descriptor: { ...descriptor, key: 'other' } }))).toThrow(
      /descriptor\.key is "other"/,
    )
    expect(() => checkDescriptor(broken({ descriptor: { ...descriptor, hub: 'crm' } }))).toThrow(
      /descriptor\.hub is "crm", but metadata\.hub is "payment"/,
    )
    expect(() =>
      checkDescriptor(
        broken({ descriptor: { ...descriptor, authentication: { type: 'oauth2' } } }),
      ),
    ).toThrow(/authentication/)
    expect(() => checkDescriptor(broken({ descriptor: { ...descriptor, id: -1 } }))).toThrow(
      /descriptor\.id is -1/,
    )
    expect(() => checkDescriptor(broken({ descriptor: { ...descriptor, id: 0 } }))).not.toThrow()
  })

  it('refuse an undescribed configuration entry, naming it', () => {
    const connector = broken({
      config: v.strictObject({ ...config.entries, region: v.optional(v.string()) }),
    })
    expect(() => checkDescriptions(connector)).toThrow(/without a description: "region"/)
  })

  it('refuse a connector whose empty configuration is not refused by exactly its required keys', () => {
    const lenient = broken({
      config: v.strictObject({
        site: v.optional(v.pipe(v.string(), v.description('The site.'))),
        apiKey: v.fallback(v.pipe(v.string(), v.description('The API key.'), secret), 'none'),
      }),
    })
    // apiKey is not optional, so it is listed as required, yet its fallback lets {} through.
    expect(() => checkRequiredEntries(lenient)).toThrow(/an empty configuration was accepted/)
  })

  it('refuse a config schema that accepts unknown entries', () => {
    const loose = broken({ config: v.object(config.entries) })
    expect(() => checkUnknownEntry(loose)).toThrow(
      /was accepted; the config schema must be a v\.strictObject/,
    )
  })

  it('refuse a sample the config schema refuses', () => {
    const connector = broken({ sample: { site: 'ACME', apiKey: 'acme_fake_key_123' } })
    expect(() => checkSampleAccepted(connector)).toThrow(/sample configuration was refused.*site/)
  })

  it('refuse a secret entry whose error message echoes the value (core hides only the exact input)', () => {
    const leaky = broken({
      config: v.strictObject({
        ...config.entries,
        apiKey: v.pipe(
          v.string(),
          v.regex(/^acme_/, (issue) => `${issue.input.trim()} does not start with acme_`),
          v.description('The API key.'),
          secret,
        ),
      }),
    })
    expect(() => checkSecretRedaction(leaky)).toThrow(/shows a secret value/)
    expect(() => checkSecretRedaction(acme)).not.toThrow()
  })

  it('refuse a response schema that refuses the returned configuration or drops keys', () => {
    const strict = broken({ response: v.object({ site: v.string() }) })
    expect(() => checkResponseAcceptsSample(strict)).toThrow(
      /dropped "event\.notification\.enabled", .*"filter\.response\.nulls", "base\.url", "pagination\.max", "apiKey", "password"/,
    )
    // The platform masks the password (a masked entry) and echoes the API key (a secret only).
    const unmasked = broken({
      response: v.looseObject({ password: v.pipe(v.string(), v.startsWith('acme-')) }),
    })
    expect(() => checkResponseAcceptsSample(unmasked)).toThrow(/response schema refused.*password/)
    const masked = broken({
      response: v.looseObject({ apiKey: v.pipe(v.string(), v.startsWith('acme_')) }),
    })
    expect(() => checkResponseAcceptsSample(masked)).not.toThrow()
    const badDefault = broken({ defaults: { 'base.url': 42 } })
    expect(() => checkResponseAcceptsSample(badDefault)).toThrow(
      /default "base\.url" must be a string/,
    )
  })

  it('never show a secret value in their own failure messages', () => {
    const leaky = broken({ config: v.object(config.entries) })
    const failure = (() => {
      try {
        checkUnknownEntry(leaky)
      } catch (error) {
        return error as Error
      }
      throw new Error('checkUnknownEntry did not throw')
    })()
    expect(failure.message).not.toContain('acme_fake_key_123')
    expect(failure.message).not.toContain('acme-fake-password')
  })
})
