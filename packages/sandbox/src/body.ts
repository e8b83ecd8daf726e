import type { Context } from 'hono'
import * as v from 'valibot'
import { HttpError } from './http-error.js'

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
