import { configurationEntryRequestSchema, instanceRequestSchema } from '@plugboard/core/protocol'
import type { Context } from 'hono'
import * as v from 'valibot'
import { bodyText } from './body-reader.js'
import { HttpError } from './http-error.js'
import { SANDBOX_LIMITS } from './limits.js'

const { nameBytes, tagCount, tagBytes, configurationKeyBytes } = SANDBOX_LIMITS

/**
 * At most `limit` bytes of UTF-8 (a lone surrogate counts 3, as it is encoded): valibot's
 * `maxBytes`, counted without encoding the text into a new array each time.
 */
function maxBytes(limit: number, message: string) {
  return v.check((text: string) => Buffer.byteLength(text, 'utf8') <= limit, message)
}

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
        maxBytes(nameBytes, `expected the name to be at most ${nameBytes} bytes (the limit)`),
      ),
    ),
    configuration: v.optional(
      v.record(
        v.pipe(
          v.string(),
          maxBytes(
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
            maxBytes(tagBytes, `expected every tag to be at most ${tagBytes} bytes (the limit)`),
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
  const text = await bodyText(c)
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
