import { configurationEntryRequestSchema, instanceRequestSchema } from '@plugboard/core/protocol'
import type { Context, MiddlewareHandler } from 'hono'
import * as v from 'valibot'
import { HttpError } from './http-error.js'
import { SANDBOX_LIMITS } from './limits.js'

const { nameBytes, tagCount, tagBytes, configurationKeyBytes } = SANDBOX_LIMITS

/**
 * The body of `POST /instances`, `PUT /instances/{id}` and `PATCH /instances/{id}`: the protocol's
 * shape, with the name, tags and configuration keys held to the sandbox's size limits (each refusal
 * names its limit).
 */
export const instanceBody = v.looseObject(
  {
    ...instanceRequestSchema.entries,
    name: v.optional(
      v.pipe(
        v.string('expected the instance name as a string'),
        v.maxBytes(nameBytes, `expected the name to be at most ${nameBytes} bytes (the limit)`),
      ),
    ),
    configuration: v.optional(
      v.record(
        v.pipe(
          v.string(),
          v.maxBytes(
            configurationKeyBytes,
            `expected every configuration key to be at most ${configurationKeyBytes} bytes (the limit)`,
          ),
        ),
        v.unknown(),
        'expected an object of entries',
      ),
    ),
    tags: v.optional(
      v.pipe(
        v.array(
          v.pipe(
            v.string('expected every tag to be a string'),
            v.maxBytes(tagBytes, `expected every tag to be at most ${tagBytes} bytes (the limit)`),
          ),
          'expected an array of tags',
        ),
        v.maxLength(tagCount, `expected at most ${tagCount} tags (the limit)`),
      ),
    ),
  },
  'expected a JSON object',
)

/** The body of `PATCH /instances/{id}/configuration/{configId}`. */
export const configurationEntryBody = configurationEntryRequestSchema

function isJsonType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase()
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'))
}

/** Reads the request body as JSON: 415 for another content type, 400 for an empty or malformed body. */
export async function readJson(c: Context): Promise<unknown> {
  if (!isJsonType(c.req.header('content-type'))) {
    throw new HttpError(415, 'The request body must be JSON (Content-Type: application/json).')
  }
  const text = await c.req.text()
  if (text.trim() === '')
    throw new HttpError(400, 'The request body is empty: expected a JSON object.')
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.')
  }
}

/** Parses a value with a schema, or answers 400 naming every problem. */
export function parseBody<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, value)
  if (result.success) return result.output
  const problems = result.issues.map((issue) => {
    const path = v.getDotPath(issue)
    return path === null || path === '' ? issue.message : `${path}: ${issue.message}`
  })
  throw new HttpError(400, `Invalid request body: ${problems.join('; ')}.`)
}

/** Options of {@link bodyReader}. */
export interface BodyReaderOptions {
  /** The largest body read; a larger one is answered 413. */
  readonly maxBytes: number
  /** How long the whole body may take to arrive; past it the answer is 408. */
  readonly timeoutMs: number
  /** Called (with the request id) when the client goes away before its body has arrived whole. */
  readonly onClientAbort?: ((requestId: string) => void) | undefined
}

/** Answers that close the connection: the rest of the body is not worth reading. */
const CLOSE = { connection: 'close' } as const

type ReadOutcome =
  | { readonly kind: 'done'; readonly bytes: Buffer<ArrayBuffer> }
  | { readonly kind: 'too-large' | 'timeout' | 'aborted' }

async function readWithin(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
  timeoutMs: number,
): Promise<ReadOutcome> {
  const reader = body.getReader()
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs)
  })
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const read = reader.read()
      // Once the deadline has won, the pending read settles when the connection closes: ignore it.
      read.catch(() => {})
      const step = await Promise.race([read, deadline])
      if (step === 'timeout') return { kind: 'timeout' }
      if (step.done) return { kind: 'done', bytes: Buffer.concat(chunks, size) }
      size += step.value.byteLength
      if (size > maxBytes) return { kind: 'too-large' }
      chunks.push(step.value)
    }
  } catch {
    return { kind: 'aborted' }
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Reads every request body up front (GET and HEAD bodies are ignored), before any route looks at
 * the database: at most `maxBytes` (413; a declared `Content-Length` past it is refused unread),
 * within `timeoutMs` of the request's start (408). Both answers close the connection. A client
 * that hangs up mid-body is reported to `onClientAbort` and answered 400 (which nobody reads),
 * never treated as a failure of the sandbox. Routes then read the body from memory.
 */
export function bodyReader(options: BodyReaderOptions): MiddlewareHandler {
  const tooLarge = () =>
    new HttpError(413, `The request body is larger than ${options.maxBytes} bytes.`, CLOSE)
  return async (c, next) => {
    const method = c.req.method
    const raw = c.req.raw
    if (method === 'GET' || method === 'HEAD' || raw.body === null) return next()
    const length = c.req.header('content-length')
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (Number.parseInt(length, 10) > options.maxBytes) throw tooLarge()
    }
    const outcome = await readWithin(raw.body, options.maxBytes, options.timeoutMs)
    switch (outcome.kind) {
      case 'done':
        c.req.raw = new Request(raw, { body: outcome.bytes })
        return next()
      case 'too-large':
        throw tooLarge()
      case 'timeout':
        throw new HttpError(
          408,
          `The request body did not arrive within ${options.timeoutMs} ms.`,
          CLOSE,
        )
      case 'aborted':
        options.onClientAbort?.(c.get('requestId') as string)
        throw new HttpError(400, 'The request body ended before it was complete.', CLOSE)
    }
  }
}
