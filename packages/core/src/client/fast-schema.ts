/**
 * A fast path for the valibot schemas that answers are parsed with. The schemas stay the one
 * statement of what an answer holds; this module reads a schema once and turns it into a plain
 * check for the kinds of schema answers use: loose objects, records, arrays, unions, strings,
 * numbers, booleans, `null`, `unknown`, and their optional and nullable wrappers.
 *
 * A check passes only a value that valibot accepts and returns unchanged (valibot returns a copy
 * with the same fields and values; a loose object's known fields first): then the value itself
 * is the parse's output. It fails anything else — a value of the wrong shape, or any value of a
 * schema with a pipe, a default, a fallback or a kind it does not know — and the caller runs
 * valibot, whose issues name what is wrong. A well-formed answer is so parsed without valibot's
 * per-field bookkeeping; a malformed one is reported exactly as before.
 *
 * The checks are for what `JSON.parse` makes: plain objects and arrays, owned by the caller.
 */

/** Whether valibot would accept `value` and return an equal copy of it. */
export type FastCheck = (value: unknown) => boolean

/** What this module reads of a valibot schema: public properties every schema object carries. */
interface SchemaShape {
  readonly type: string
  readonly pipe?: unknown
  readonly fallback?: unknown
  readonly default?: unknown
  readonly wrapped?: SchemaShape
  readonly entries?: Readonly<Record<string, SchemaShape>>
  readonly item?: SchemaShape
  readonly options?: readonly SchemaShape[]
  readonly key?: SchemaShape
  readonly value?: SchemaShape
}

/** A compiled schema, or `null` when the schema has something the fast path does not take. */
type Compiled = FastCheck | null

const cache = new WeakMap<object, Compiled>()

/** An object as `JSON.parse` makes them: plain, its own keys its only ones. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/** Whether an object has a key of its own that valibot leaves out of its output. */
function hasDroppedKey(input: object): boolean {
  return (
    Object.hasOwn(input, '__proto__') ||
    Object.hasOwn(input, 'prototype') ||
    Object.hasOwn(input, 'constructor')
  )
}

const always: FastCheck = () => true

/** Optional and nullable wrappers let `undefined` / `null` through; with a default they are not taken. */
function wrapper(schema: SchemaShape): Compiled {
  if (schema.default !== undefined || schema.wrapped === undefined) return null
  const inner = compile(schema.wrapped)
  if (inner === null) return null
  const fused = fusedWrapper(schema.type, schema.wrapped)
  if (fused !== undefined) return fused
  switch (schema.type) {
    case 'optional':
      return (value) => value === undefined || inner(value)
    case 'nullable':
      return (value) => value === null || inner(value)
    default:
      return (value) => value === undefined || value === null || inner(value)
  }
}

/**
 * The commonest wrappers of answers (an optional string, number or boolean, a nullable string) as
 * one check each, without a call to the inner one: the same answers, fewer calls per field.
 */
function fusedWrapper(type: string, wrapped: SchemaShape): FastCheck | undefined {
  if (wrapped.pipe !== undefined || wrapped.fallback !== undefined) return undefined
  if (type === 'optional') {
    if (wrapped.type === 'string')
      return (value) => value === undefined || typeof value === 'string'
    if (wrapped.type === 'boolean') {
      return (value) => value === undefined || typeof value === 'boolean'
    }
    if (wrapped.type === 'number') {
      return (value) => value === undefined || (typeof value === 'number' && !Number.isNaN(value))
    }
  }
  if (type === 'nullable' && wrapped.type === 'string') {
    return (value) => value === null || typeof value === 'string'
  }
  return undefined
}

function looseObject(entries: Readonly<Record<string, SchemaShape>>): Compiled {
  const keys = Object.keys(entries)
  const checks: FastCheck[] = []
  const optional: boolean[] = []
  for (const key of keys) {
    // An entry named like an Object.prototype member would read the prototype's: not taken.
    if (key in Object.prototype) return null
    const entry = entries[key] as SchemaShape
    const check = compile(entry)
    if (check === null) return null
    checks.push(check)
    optional.push(entry.type === 'optional' || entry.type === 'nullish')
  }
  return (input) => {
    if (!isPlainObject(input) || hasDroppedKey(input)) return false
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index] as string
      const value = input[key]
      if (value === undefined && !Object.hasOwn(input, key)) {
        if (optional[index] !== true) return false
      } else if (!(checks[index] as FastCheck)(value)) {
        return false
      }
    }
    return true
  }
}

function record(key: SchemaShape, value: SchemaShape): Compiled {
  // Only plain string keys: every key of an object is one.
  if (key.type !== 'string' || compile(key) === null) return null
  const check = compile(value)
  if (check === null) return null
  return (input) => {
    if (!isPlainObject(input) || hasDroppedKey(input)) return false
    for (const name in input) if (!check(input[name])) return false
    return true
  }
}

function array(item: SchemaShape): Compiled {
  const check = compile(item)
  if (check === null) return null
  return (input) => {
    if (!Array.isArray(input)) return false
    for (const element of input) if (!check(element)) return false
    return true
  }
}

/** valibot's union returns its first option that accepts the value: checked in the same order. */
function union(options: readonly SchemaShape[]): Compiled {
  const checks = options.map(compile)
  if (checks[0] === null || checks[0] === undefined) return null
  return (input) => {
    for (const check of checks) {
      // An option the fast path cannot read might accept the value first: valibot decides.
      if (check === null) return false
      if (check(input)) return true
    }
    return false
  }
}

function build(schema: SchemaShape): Compiled {
  // A pipe (checks, transforms) or a fallback changes what valibot returns: not taken.
  if (schema.pipe !== undefined || schema.fallback !== undefined) return null
  switch (schema.type) {
    case 'string':
      return (value) => typeof value === 'string'
    case 'number':
      return (value) => typeof value === 'number' && !Number.isNaN(value)
    case 'boolean':
      return (value) => typeof value === 'boolean'
    case 'null':
      return (value) => value === null
    case 'unknown':
    case 'any':
      return always
    case 'optional':
    case 'nullable':
    case 'nullish':
      return wrapper(schema)
    case 'loose_object':
      return schema.entries === undefined ? null : looseObject(schema.entries)
    case 'record':
      return schema.key === undefined || schema.value === undefined
        ? null
        : record(schema.key, schema.value)
    case 'array':
      return schema.item === undefined ? null : array(schema.item)
    case 'union':
      return schema.options === undefined ? null : union(schema.options)
    default:
      return null
  }
}

function compile(schema: SchemaShape): Compiled {
  let compiled = cache.get(schema)
  if (compiled === undefined) {
    compiled = build(schema)
    cache.set(schema, compiled)
  }
  return compiled
}

/**
 * The fast check of a valibot schema (read once per schema, then cached), or `undefined` when
 * the schema has a part the fast path does not take: then every value goes to valibot.
 */
export function fastCheckOf(schema: object): FastCheck | undefined {
  return compile(schema as SchemaShape) ?? undefined
}
