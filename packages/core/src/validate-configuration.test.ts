import fc from 'fast-check'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { defineConnector } from './connector.js'
import { ConfigurationError } from './errors/configuration-error.js'
import { acme } from './test-support/connectors.js'
import { validateConfiguration } from './validate-configuration.js'

const entryKeys = ['site', 'apiKey', 'region', 'password'] as const
type EntryKey = (typeof entryKeys)[number]
const required = new Set<EntryKey>(['site', 'apiKey'])

const validValue: Record<EntryKey, fc.Arbitrary<string>> = {
  site: fc.stringMatching(/^[a-z0-9-]{1,20}$/),
  apiKey: fc.string({ minLength: 8, maxLength: 40 }),
  region: fc.constantFrom('eu', 'us'),
  password: fc.string({ maxLength: 20 }),
}

const notAString = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
)

const invalidValue: Record<EntryKey, fc.Arbitrary<unknown>> = {
  site: fc.oneof(
    notAString,
    fc.string().filter((text) => !/^[a-z0-9-]+$/.test(text)),
  ),
  apiKey: fc.oneof(notAString, fc.string({ maxLength: 7 })),
  region: fc.oneof(
    notAString,
    fc.string().filter((text) => text !== 'eu' && text !== 'us'),
  ),
  password: notAString,
}

/** What to do with each entry of a valid configuration. */
const fate = fc.constantFrom('keep', 'drop', 'break')

const unknownKey = fc
  .string({ minLength: 1, maxLength: 12 })
  .filter((key) => !(entryKeys as readonly string[]).includes(key))

const validConfiguration = fc.record(
  {
    site: validValue.site,
    apiKey: validValue.apiKey,
    region: validValue.region,
    password: validValue.password,
  },
  { requiredKeys: ['site', 'apiKey'] },
)

const sorted = (keys: readonly string[]): string[] => [...keys].sort()

function refusal(configuration: unknown): ConfigurationError | undefined {
  try {
    validateConfiguration(acme, configuration)
    return undefined
  } catch (error) {
    if (ConfigurationError.isInstance(error)) return error
    throw error
  }
}

describe('validateConfiguration (properties)', () => {
  it('accepts every valid configuration and returns it unchanged', () => {
    fc.assert(
      fc.property(validConfiguration, (configuration) => {
        expect(validateConfiguration(acme, configuration)).toEqual(configuration)
      }),
    )
  })

  it('refuses an invalid configuration naming exactly the offending entries', () => {
    const scenario = fc.record({
      base: fc.record({
        site: validValue.site,
        apiKey: validValue.apiKey,
        region: validValue.region,
        password: validValue.password,
      }),
      fates: fc.record({ site: fate, apiKey: fate, region: fate, password: fate }),
      broken: fc.record(invalidValue),
      extra: fc.uniqueArray(fc.tuple(unknownKey, fc.anything()), {
        maxLength: 3,
        selector: ([key]) => key,
      }),
    })
    fc.assert(
      fc.property(scenario, ({ base, fates, broken, extra }) => {
        const entries: [string, unknown][] = []
        const expected = { missing: [] as string[], invalid: [] as string[] }
        for (const key of entryKeys) {
          if (fates[key] === 'keep') entries.push([key, base[key]])
          if (fates[key] === 'drop' && required.has(key)) expected.missing.push(key)
          if (fates[key] === 'break') {
            entries.push([key, broken[key]])
            expected.invalid.push(key)
          }
        }
        entries.push(...extra)
        const configuration = Object.fromEntries(entries)
        const error = refusal(configuration)
        const anyProblem = expected.missing.length + expected.invalid.length + extra.length > 0
        if (!anyProblem) {
          expect(error).toBeUndefined()
          return
        }
        expect(error).toBeDefined()
        expect(sorted(error?.missing ?? [])).toEqual(sorted(expected.missing))
        expect(sorted(error?.invalid ?? [])).toEqual(sorted(expected.invalid))
        expect(sorted(error?.unknown ?? [])).toEqual(sorted(extra.map(([key]) => key)))
        for (const key of expected.missing) expect(error?.message).toContain(key)
      }),
    )
  })

  it('never echoes a secret value it refuses', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 3, maxLength: 7 }), (apiKey) => {
        const error = refusal({ site: 'acme', apiKey })
        expect(error?.invalid).toEqual(['apiKey'])
        expect(error?.message).not.toContain(`"${apiKey}"`)
      }),
    )
  })

  it("hides a secret even when a connector's own message repeats the raw input", () => {
    const leaky = defineConnector({
      ...acme,
      key: 'leaky',
      config: v.strictObject({
        token: v.pipe(
          v.string(),
          v.check(
            (value) => value.startsWith('tk_'),
            (issue) => `bad token ${String(issue.input)}`,
          ),
          v.description('A token'),
          v.metadata({ secret: true }),
        ),
      }),
      sample: { token: 'tk_sample' },
    })
    let error: unknown
    try {
      validateConfiguration(leaky, { token: 'sk_live_VerySecretValue' })
    } catch (caught) {
      error = caught
    }
    expect(ConfigurationError.isInstance(error)).toBe(true)
    const refused = error as ConfigurationError
    expect(refused.invalid).toEqual(['token'])
    expect(refused.message).toContain('bad token (hidden)')
    expect(JSON.stringify(refused.issues)).not.toContain('VerySecretValue')
    expect(refused.message).not.toContain('VerySecretValue')
  })

  it('never crashes: anything in, a configuration or a ConfigurationError out', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (input) => {
        const error = refusal(input)
        if (error !== undefined) expect(error.issues.length).toBeGreaterThan(0)
      }),
    )
  })
})
