import fc from 'fast-check'
import * as v from 'valibot'
import { beforeAll, describe, expect, it } from 'vitest'
import { ResponseValidationError } from '../errors/request-errors.js'
import {
  genericInstanceConfigurationSchema,
  instanceConnectorSchema,
  instanceEnvelopeSchema,
  instanceUserSchema,
} from '../protocol/instance-schemas.js'
import type { Vocabulary } from '../protocol/vocabulary.js'
import { acme } from '../test-support/connectors.js'
import { instanceBody } from '../test-support/fixtures.js'
import { fastCheckOf } from './fast-schema.js'
import { parseInstance, parseWith } from './parse.js'
import { answerSchemas } from './wire.js'

// parseInstance reads the answer schemas, which a client loads with ky on its first request.
beforeAll(() => answerSchemas.load())

const request = { method: 'POST', path: '/instances' } as const

/** A connector whose response schema is like the shipped ones: strings, nullable or optional. */
const plain = {
  ...acme,
  response: v.looseObject({
    site: v.string(),
    apiKey: v.string(),
    region: v.optional(v.nullable(v.string())),
    'base.url': v.string(),
    'pagination.max': v.string(),
  }),
}

/** An answer as the client parses it: JSON text parsed afresh. */
function answer(vocabulary: Vocabulary = 'your_mom'): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(
      instanceBody({
        vocabulary,
        extra: {
          user: { id: 7, emailAddress: 'dev@example.test', firstName: 'D', lastName: 'E' },
          createdDate: '2026-01-01T00:00:00Z',
          updatedDate: '2026-01-01T00:00:00Z',
        },
      }),
    ),
  ) as Record<string, unknown>
}

/** The envelope as parseInstance checks it: the connector field renamed, its ids normalized. */
function envelopeOf(body: Record<string, unknown>): Record<string, unknown> {
  const { your_mom: connector, ...rest } = body
  const descriptor = connector as { parameters: Record<string, unknown>[] }
  return {
    ...rest,
    connector: {
      ...descriptor,
      parameters: descriptor.parameters.map(({ your_momId, ...parameter }) => ({
        ...parameter,
        connectorId: your_momId,
      })),
    },
  }
}

/** JSON values, the values a mutation puts in an answer. */
const json = fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.parse(JSON.stringify(value)))

type Mutation =
  | { readonly kind: 'set'; readonly path: readonly string[]; readonly value: unknown }
  | { readonly kind: 'delete'; readonly path: readonly string[] }

/** Every path to a field of the value, at any depth (the root excluded). */
function pathsOf(value: unknown, prefix: readonly string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return []
  return Object.keys(value).flatMap((key) => [
    [...prefix, key],
    ...pathsOf((value as Record<string, unknown>)[key], [...prefix, key]),
  ])
}

/** The paths of the objects in the value, the root included: where a field can be added. */
function objectPathsOf(value: unknown): string[][] {
  const paths: string[][] = [[]]
  for (const path of pathsOf(value)) {
    let target: unknown = value
    for (const key of path) target = (target as Record<string, unknown>)[key]
    if (typeof target === 'object' && target !== null && !Array.isArray(target)) paths.push(path)
  }
  return paths
}

/** A copy of `value` with one field set to another JSON value or deleted. */
function mutate(value: unknown, mutation: Mutation): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as Record<string, unknown>
  let target: Record<string, unknown> = copy
  for (const key of mutation.path.slice(0, -1)) target = target[key] as Record<string, unknown>
  const last = mutation.path.at(-1) as string
  if (mutation.kind === 'delete') delete target[last]
  // As JSON.parse makes it: a key of its own, `__proto__` included.
  else
    Object.defineProperty(target, last, {
      value: mutation.value,
      enumerable: true,
      writable: true,
      configurable: true,
    })
  return copy
}

/** Mutations of `value`: a field (existing or new, at any depth) set to any JSON value, or removed. */
function mutations(value: unknown): fc.Arbitrary<Mutation> {
  const paths = pathsOf(value)
  const existing = fc.constantFrom(...paths)
  const added = fc
    .tuple(
      fc.constantFrom(...objectPathsOf(value)),
      fc.constantFrom('extra', '__proto__', 'constructor'),
    )
    .map(([path, key]) => [...path, key])
  return fc.oneof(
    fc.record({ kind: fc.constant('set' as const), path: existing, value: json }),
    fc.record({ kind: fc.constant('set' as const), path: added, value: json }),
    fc.record({ kind: fc.constant('delete' as const), path: existing }),
  )
}

/**
 * The fast path's promise: what its check passes, valibot accepts and returns equal; what it
 * fails goes to valibot, so the result is valibot's own.
 */
function expectAgreement(schema: v.GenericSchema, value: unknown): void {
  const valibot = v.safeParse(schema, value)
  const result = parseWith(schema, value)
  if (fastCheckOf(schema)?.(value) === true) {
    expect(valibot.success).toBe(true)
    expect(result.output).toStrictEqual(valibot.output)
  }
  expect(result.success).toBe(valibot.success)
  if (result.success) expect(result.output).toStrictEqual(valibot.output)
  else expect(result.issues).toEqual(valibot.issues)
}

describe('the fast path of the answer schemas', () => {
  it('vouches for a well-formed answer, which valibot returns equal', () => {
    for (const [schema, value] of [
      [instanceEnvelopeSchema, envelopeOf(answer())],
      [instanceConnectorSchema, envelopeOf(answer()).connector],
      [instanceUserSchema, answer().user],
      [genericInstanceConfigurationSchema, answer().configuration],
      [plain.response, answer().configuration],
    ] as const) {
      expect(fastCheckOf(schema)?.(value)).toBe(true)
      expectAgreement(schema, value)
    }
  })

  it('agrees with valibot over mutated answers: a field set to any JSON value, added or removed', () => {
    const envelope = envelopeOf(answer())
    fc.assert(
      fc.property(mutations(envelope), (mutation) => {
        expectAgreement(instanceEnvelopeSchema, mutate(envelope, mutation))
      }),
      { numRuns: 2000 },
    )
    const configuration = answer().configuration
    for (const schema of [plain.response, acme.response, genericInstanceConfigurationSchema]) {
      fc.assert(
        fc.property(mutations(configuration), (mutation) => {
          expectAgreement(schema, mutate(configuration, mutation))
        }),
        { numRuns: 500 },
      )
    }
  })

  it('agrees with valibot over any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        for (const schema of [
          instanceEnvelopeSchema,
          instanceUserSchema,
          genericInstanceConfigurationSchema,
        ]) {
          expectAgreement(schema, value)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('agrees with valibot on the wrappers it checks in one step, and on those it does not', () => {
    const schemas = [
      v.optional(v.string()),
      v.optional(v.boolean()),
      v.optional(v.number()),
      v.nullable(v.string()),
      v.nullable(v.number()),
      v.nullish(v.string()),
      v.optional(v.nullable(v.string())),
      v.optional(v.pipe(v.string(), v.trim())),
    ]
    const values = fc.oneof(
      fc.jsonValue({ maxDepth: 1 }),
      fc.constantFrom(undefined, null, Number.NaN, 0, '', false),
    )
    fc.assert(
      fc.property(values, (value) => {
        for (const schema of schemas) expectAgreement(schema, value)
      }),
      { numRuns: 300 },
    )
    expect(fastCheckOf(v.optional(v.number()))?.(Number.NaN)).toBe(false)
    expect(fastCheckOf(v.optional(v.pipe(v.string(), v.trim())))).toBeUndefined()
  })

  it('leaves to valibot what changes a value: numbers made strings, pipes, defaults', () => {
    expect(fastCheckOf(genericInstanceConfigurationSchema)?.({ retries: 3 })).toBe(false)
    expect(parseWith(genericInstanceConfigurationSchema, { retries: 3 }).output).toEqual({
      retries: '3',
    })
    expect(fastCheckOf(v.pipe(v.string(), v.trim()))).toBeUndefined()
    expect(fastCheckOf(v.looseObject({ a: v.optional(v.string(), 'x') }))).toBeUndefined()
    expect(fastCheckOf(v.looseObject({ a: v.fallback(v.string(), 'x') }))).toBeUndefined()
    expect(fastCheckOf(v.strictObject({ a: v.string() }))).toBeUndefined()
  })

  it('parses an instance the same through either path, in both vocabularies', () => {
    for (const vocabulary of ['your_mom', 'element'] as const) {
      const options = { request, vocabulary, connector: plain, requireToken: true }
      const fast = parseInstance(answer(vocabulary), options)
      // A number in the configuration, which the generic schema turns into a string, sends the
      // configuration to valibot; the envelope still takes the fast path.
      const body = answer(vocabulary)
      const slow = parseInstance(
        { ...body, configuration: { ...(body.configuration as object), extra: 5 } },
        { ...options, connector: undefined },
      )
      expect(fast).toEqual({
        ...envelopeOf(answer('your_mom')),
        configuration: answer().configuration,
      })
      expect(slow.configuration).toEqual({ ...(fast.configuration as object), extra: '5' })
    }
  })

  it('reports a malformed answer as valibot does: the field that is wrong', () => {
    const body = answer()
    const broken = { ...body, your_mom: { ...(body.your_mom as object), key: 42 } }
    let error: unknown
    try {
      parseInstance(broken, { request, vocabulary: 'your_mom', connector: plain })
    } catch (caught) {
      error = caught
    }
    expect(ResponseValidationError.isInstance(error)).toBe(true)
    expect((error as ResponseValidationError).fieldPath).toBe('your_mom.key')
    expect((error as ResponseValidationError).issues).toEqual([
      'your_mom.key: expected string, received number',
    ])
  })
})
