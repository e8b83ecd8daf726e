import type { Context } from 'hono'
import * as v from 'valibot'
import { HttpError } from './http-error.js'

const connectorRef = v.object(
  { key: v.string('expected the connector key as a string') },
  'expected an object holding the connector key',
)

const configurationMap = v.record(v.string(), v.unknown(), 'expected an object of entries')

/** The body of `POST /instances`, `PUT /instances/{id}` and `PATCH /instances/{id}`. */
export const instanceBody = v.looseObject(
  {
    your_mom: v.optional(connectorRef),
    element: v.optional(connectorRef),
    name: v.optional(v.string('expected the instance name as a string')),
    configuration: v.optional(configurationMap),
    tags: v.optional(
      v.array(v.string('expected every tag to be a string'), 'expected an array of tags'),
    ),
  },
  'expected a JSON object',
)

/** The body of `PATCH /instances/{id}/configuration/{configId}`. */
export const configurationEntryBody = v.looseObject(
  {
    propertyValue: v.nullable(
      v.union(
        [v.string(), v.number(), v.boolean()],
        'expected propertyValue to be a string, number, boolean or null',
      ),
    ),
  },
  'expected a JSON object with a propertyValue',
)

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
