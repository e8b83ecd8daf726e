/**
 * A fast path for configuration checks. A connector's configuration schema stays the one statement
 * of what a configuration holds; this module reads a strict object schema once and turns it into
 * a plain function for the kinds of entry configurations use: strings (with the pipe actions
 * `trim`, `trim_start`, `trim_end`, `non_empty`, `min_length`, `max_length`, `length`, `regex` and
 * metadata), numbers, booleans, picklists and literals, optional or nullable.
 *
 * The function returns what valibot's `safeParse` would output (a fresh object, the entries in the
 * schema's order, each value as the pipe's transformations leave it) when the configuration
 * passes, and `undefined` for anything else: a value that fails, a key the schema does not know,
 * or any configuration of a schema with a part this module does not read (a default, a fallback,
 * another action). Then the caller runs valibot, whose issues name every refused entry: a
 * configuration that passes skips valibot's per-entry bookkeeping, one that fails is reported
 * exactly as before.
 */

/** valibot's output for a configuration that passes, else `undefined`. */
export type FastConfigCheck = (input: Record<string, unknown>) => Record<string, unknown> | undefined

/** A value's output (the same value, or as a transformation left it), or {@link FAIL}. */
type EntryCheck = (value: unknown) => unknown

/** What an entry check returns for a value it does not pass. */
const FAIL: unique symbol = Symbol('fail')

/** What this module reads of a valibot schema or action: public properties each one carries. */
interface Shape {
  readonly kind?: string
  readonly type: string
  readonly async?: boolean
  readonly pipe?: readonly Shape[]
  readonly fallback?: unknown
  readonly default?: unknown
  readonly wrapped?: Shape
  readonly entries?: Readonly<Record<string, Shape>>
  readonly requirement?: unknown
  readonly options?: readonly unknown[]
  readonly literal?: unknown
}

const cache = new WeakMap<object, FastConfigCheck | null>()

/** One pipe action over a string, or `null` when the action is not one this module reads. */
function action(item: Shape): ((value: string) => string | typeof FAIL) | null {
  const requirement = item.requirement
  switch (item.type) {
    case 'trim':
      return (value) => value.trim()
    case 'trim_start':
      return (value) => value.trimStart()
    case 'trim_end':
      return (value) => value.trimEnd()
    case 'non_empty':
      return (value) => (value.length === 0 ? FAIL : value)
    case 'min_length':
      if (typeof requirement !== 'number') return null
      return (value) => (value.length < requirement ? FAIL : value)
    case 'max_length':
      if (typeof requirement !== 'number') return null
      return (value) => (value.length > requirement ? FAIL : value)
    case 'length':
      if (typeof requirement !== 'number') return null
      return (value) => (value.length !== requirement ? FAIL : value)
    case 'regex':
      // A global or sticky pattern keeps state between tests: valibot's own calls decide.
      if (!(requirement instanceof RegExp) || requirement.global || requirement.sticky) return null
      return (value) => (requirement.test(value) ? value : FAIL)
    default:
      return null
  }
}

/** A string schema's pipe after its schema: each action in turn, metadata skipped. */
function stringPipe(base: EntryCheck, items: readonly Shape[]): EntryCheck | null {
  const steps: ((value: string) => string | typeof FAIL)[] = []
  for (const item of items) {
    if (item.kind === 'metadata') continue
    if (item.kind !== 'transformation' && item.kind !== 'validation') return null
    const step = action(item)
    if (step === null) return null
    steps.push(step)
  }
  return (value) => {
    let current = base(value)
    for (const step of steps) {
      if (current === FAIL) return FAIL
      current = step(current as string)
    }
    return current
  }
}

function entry(schema: Shape): EntryCheck | null {
  if (schema.async === true || schema.fallback !== undefined) return null
  if (schema.pipe !== undefined) {
    const [first, ...rest] = schema.pipe
    if (first === undefined || first.type !== 'string') return null
    const base = entry(first)
    return base === null ? null : stringPipe(base, rest)
  }
  switch (schema.type) {
    case 'string':
      return (value) => (typeof value === 'string' ? value : FAIL)
    case 'number':
      return (value) => (typeof value === 'number' && !Number.isNaN(value) ? value : FAIL)
    case 'boolean':
      return (value) => (typeof value === 'boolean' ? value : FAIL)
    case 'picklist': {
      const options = schema.options
      if (options === undefined) return null
      return (value) => (options.includes(value) ? value : FAIL)
    }
    case 'literal': {
      const literal = schema.literal
      return (value) => (value === literal && !Number.isNaN(value) ? value : FAIL)
    }
    case 'optional':
    case 'exact_optional':
    case 'nullable':
    case 'nullish': {
      if (schema.default !== undefined || schema.wrapped === undefined) return null
      const inner = entry(schema.wrapped)
      if (inner === null) return null
      // An exact optional entry may be left out, but not given as `undefined`.
      const letsUndefined = schema.type === 'optional' || schema.type === 'nullish'
      const letsNull = schema.type === 'nullable' || schema.type === 'nullish'
      return (value) =>
        (value === undefined && letsUndefined) || (value === null && letsNull)
          ? value
          : inner(value)
    }
    default:
      return null
  }
}

/** Whether an entry may be left out (valibot reports no missing key for it). */
function mayBeLeftOut(schema: Shape): boolean {
  return schema.type === 'optional' || schema.type === 'exact_optional' || schema.type === 'nullish'
}

function build(schema: Shape): FastConfigCheck | null {
  const entries = schema.entries
  if (schema.type !== 'strict_object' || schema.pipe !== undefined || entries === undefined) {
    return null
  }
  const keys = Object.keys(entries)
  const checks: EntryCheck[] = []
  const optional: boolean[] = []
  for (const key of keys) {
    // An entry named like an Object.prototype member would read the prototype's: not taken.
    if (key in Object.prototype) return null
    const shape = entries[key] as Shape
    const check = entry(shape)
    if (check === null) return null
    checks.push(check)
    optional.push(mayBeLeftOut(shape))
  }
  return (input) => {
    const prototype = Object.getPrototypeOf(input)
    if (prototype !== Object.prototype && prototype !== null) return undefined
    let present = 0
    const output: Record<string, unknown> = {}
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index] as string
      if (!Object.hasOwn(input, key)) {
        if (optional[index] !== true) return undefined
        continue
      }
      present++
      const value = (checks[index] as EntryCheck)(input[key])
      if (value === FAIL) return undefined
      output[key] = value
    }
    // A key the schema does not know: valibot names it.
    return present === Object.keys(input).length ? output : undefined
  }
}

/**
 * The fast check of a connector's configuration schema (read once per schema, then cached), or
 * `undefined` when the schema has a part the fast path does not take: then valibot checks every
 * configuration.
 */
export function fastConfigCheckOf(schema: object): FastConfigCheck | undefined {
  let check = cache.get(schema)
  if (check === undefined) {
    check = build(schema as Shape)
    cache.set(schema, check)
  }
  return check ?? undefined
}
