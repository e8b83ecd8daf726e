import fc from 'fast-check'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { fastCheckOf } from './client/fast-schema.js'
import type { AnyConnector } from './connector.js'
import { validateConfiguration } from './validate-configuration.js'

/** A connector with `config` as its configuration schema (all validateConfiguration reads). */
function connectorOf(config: v.GenericSchema): AnyConnector {
  return { key: 'probe', config } as unknown as AnyConnector
}

/** What validateConfiguration returns, or `undefined` when it refuses the configuration. */
function validated(config: v.GenericSchema, input: unknown): unknown {
  try {
    return validateConfiguration(connectorOf(config), input)
  } catch {
    return undefined
  }
}

/** Schemas like the shipped connectors' configurations, every kind the fast path reads. */
const schemas = {
  site: v.strictObject({
    site: v.pipe(
      v.string('a string'),
      v.trim(),
      v.nonEmpty('not empty'),
      v.regex(/^[a-z0-9_-]+$/, 'lowercase'),
      v.description('the site'),
    ),
    username: v.pipe(v.string(), v.nonEmpty(), v.metadata({ secret: true })),
    password: v.optional(v.pipe(v.string(), v.metadata({ secret: true, masked: true }))),
  }),
  kinds: v.strictObject({
    retries: v.optional(v.number()),
    sandbox: v.nullish(v.boolean()),
    label: v.nullable(v.pipe(v.string(), v.trim(), v.minLength(2))),
    code: v.optional(v.pipe(v.string(), v.maxLength(4), v.nonEmpty())),
  }),
}

/** A value for one entry: mostly plausible ones, some of every other JSON kind. */
const value = fc.oneof(
  fc.constantFrom('us', 'eu', 'live', 'acme-test', ' acme ', '', '  ', 'ABC', 'abcd', 'a.b'),
  fc.string({ maxLength: 6 }),
  fc.constantFrom(undefined, null, true, false, 0, 3, Number.NaN),
  fc.jsonValue({ maxDepth: 1 }),
)

/** Values each entry of the schemas above accepts (and some it refuses), by key. */
const plausible: Record<string, readonly unknown[]> = {
  site: ['acme-test', ' acme ', 'Acme', ''],
  username: ['key_1', ''],
  password: ['', 'pw', undefined],
  retries: [0, 3, undefined],
  sandbox: [true, null, undefined],
  label: [' ab ', 'abc', 'a', null],
  code: ['abcd', 'abc', 'abcde', '', undefined],
}

const LEFT_OUT = Symbol('left out')

/** A configuration: each key left out, plausible or any value; sometimes a key the schema does not know. */
function configuration(keys: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const entries = fc.tuple(
    ...keys.map((key) =>
      fc.oneof(
        { weight: 1, arbitrary: fc.constant<unknown>(LEFT_OUT) },
        { weight: 6, arbitrary: fc.constantFrom(...(plausible[key] ?? [''])) },
        { weight: 1, arbitrary: value },
      ),
    ),
  )
  const unknown = fc.option(fc.tuple(fc.constantFrom('extra', '__proto__', 'constructor'), value), {
    freq: 4,
  })
  return fc.tuple(entries, unknown).map(([values, extra]) => {
    const input: Record<string, unknown> = {}
    keys.forEach((key, index) => {
      if (values[index] !== LEFT_OUT) input[key] = values[index]
    })
    if (extra !== null) Object.defineProperty(input, extra[0], { value: extra[1], enumerable: true })
    return input
  })
}

describe('configurations checked by the compiled check', () => {
  for (const [name, schema] of Object.entries(schemas)) {
    it(`agrees with valibot on every configuration (${name})`, () => {
      const check = fastCheckOf(schema)
      expect(check).toBeTypeOf('function')
      let passed = 0
      fc.assert(
        fc.property(configuration(Object.keys(schema.entries)), (input) => {
          const slow = v.safeParse(schema, input)
          const output = validated(schema, input)
          // Refused exactly when valibot refuses; else valibot's output: the same entries, in
          // the same order, with the same values.
          expect(output !== undefined).toBe(slow.success)
          if (slow.success) expect(Object.entries(output as object)).toStrictEqual(Object.entries(slow.output))
          // What the compiled check passes, valibot passes unchanged.
          if (check?.(input) === true) {
            passed++
            expect(slow.success).toBe(true)
            expect(Object.entries(slow.output as object)).toStrictEqual(
              Object.keys(schema.entries).filter((key) => Object.hasOwn(input, key)).map((key) => [key, input[key]]),
            )
          }
        }),
        { numRuns: 3000 },
      )
      // The fast path is taken, not only declined.
      expect(passed).toBeGreaterThan(10)
    })
  }

  it("returns a copy in the schema's order; a string to trim goes to valibot, which trims it", () => {
    const input = { username: 'key_1', site: 'acme-test' }
    expect(fastCheckOf(schemas.site)?.(input)).toBe(true)
    const output = validated(schemas.site, input)
    expect(Object.keys(output as object)).toStrictEqual(['site', 'username'])
    expect(output).not.toBe(input)
    const untrimmed = { site: '  acme-test ', username: 'key_1' }
    expect(fastCheckOf(schemas.site)?.(untrimmed)).toBe(false)
    expect(validated(schemas.site, untrimmed)).toStrictEqual({ site: 'acme-test', username: 'key_1' })
  })

  it('declines whatever valibot must report: a missing, invalid or unknown entry', () => {
    const check = fastCheckOf(schemas.site)
    expect(check?.({ site: 'acme' })).toBe(false)
    expect(check?.({ site: 'Acme', username: 'k' })).toBe(false)
    expect(check?.({ site: 'acme', username: 'k', other: 'x' })).toBe(false)
    expect(check?.({ site: 'acme', username: '' })).toBe(false)
  })

  it('reads a configuration whose class carries entries the way valibot does', () => {
    const inherited = Object.assign(Object.create({ password: 'from-prototype' }), {
      site: 'acme',
      username: 'k',
    })
    expect(validated(schemas.site, inherited)).toStrictEqual(v.parse(schemas.site, inherited))
  })

  it('takes no schema with a part it does not read', () => {
    const declined = [
      v.strictObject({ site: v.pipe(v.string(), v.trimStart()) }),
      v.strictObject({ site: v.pipe(v.number(), v.minValue(1)) }),
      v.strictObject({ site: v.optional(v.string(), 'default') }),
      v.strictObject({ site: v.fallback(v.string(), 'x') }),
      v.strictObject({ site: v.pipe(v.string(), v.email()) }),
      v.strictObject({ site: v.pipe(v.string(), v.regex(/a/g)) }),
      v.strictObject({ toString: v.string() }),
      v.pipe(
        v.strictObject({ site: v.string() }),
        v.check(() => true),
      ),
    ]
    for (const schema of declined) expect(fastCheckOf(schema)).toBeUndefined()
  })
})
