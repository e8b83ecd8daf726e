import fc from 'fast-check'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { fastConfigCheckOf } from './validate-fast.js'

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
    region: v.picklist(['us', 'eu']),
    mode: v.optional(v.literal('live')),
    retries: v.optional(v.number()),
    sandbox: v.nullish(v.boolean()),
    label: v.nullable(v.pipe(v.string(), v.trimStart(), v.trimEnd(), v.minLength(2))),
    code: v.exactOptional(v.pipe(v.string(), v.maxLength(4), v.length(4))),
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
  region: ['us', 'eu', 'US'],
  mode: ['live', undefined],
  retries: [0, 3, undefined],
  sandbox: [true, null, undefined],
  label: [' ab ', 'abc', 'a', null],
  code: ['abcd', 'abc', undefined],
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

describe('the compiled configuration check', () => {
  for (const [name, schema] of Object.entries(schemas)) {
    it(`agrees with valibot on every configuration it passes (${name})`, () => {
      const check = fastConfigCheckOf(schema)
      expect(check).toBeTypeOf('function')
      let passed = 0
      fc.assert(
        fc.property(configuration(Object.keys(schema.entries)), (input) => {
          const fast = check?.(input)
          const slow = v.safeParse(schema, input)
          if (fast === undefined) return
          passed++
          expect(slow.success).toBe(true)
          // The same output: the same entries, in the same order, with the same values.
          expect(Object.entries(fast)).toStrictEqual(Object.entries(slow.output as object))
        }),
        { numRuns: 3000 },
      )
      // The fast path is taken, not only declined.
      expect(passed).toBeGreaterThan(10)
    })
  }

  it('passes a valid configuration and returns what valibot returns', () => {
    const input = { username: 'key_1', site: '  acme-test ' }
    const fast = fastConfigCheckOf(schemas.site)?.(input)
    expect(fast).toStrictEqual({ site: 'acme-test', username: 'key_1' })
    expect(Object.keys(fast ?? {})).toStrictEqual(['site', 'username'])
    expect(fast).not.toBe(input)
  })

  it('declines whatever valibot must report: a missing, invalid or unknown entry', () => {
    const check = fastConfigCheckOf(schemas.site)
    expect(check?.({ site: 'acme' })).toBeUndefined()
    expect(check?.({ site: 'Acme', username: 'k' })).toBeUndefined()
    expect(check?.({ site: 'acme', username: 'k', other: 'x' })).toBeUndefined()
    expect(check?.({ site: 'acme', username: '' })).toBeUndefined()
  })

  it('takes no schema with a part it does not read', () => {
    const declined = [
      v.object({ site: v.string() }),
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
    for (const schema of declined) expect(fastConfigCheckOf(schema)).toBeUndefined()
  })
})
