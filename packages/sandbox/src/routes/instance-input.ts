import { HttpError } from '../http-error.js'
import { SANDBOX_LIMITS } from '../limits.js'
import { stripHtml } from '../sanitize.js'

/** Refuses a missing or empty name (when required) and strips HTML the way the platform does. */
export function cleanName(name: string | undefined, required: boolean): string | undefined {
  if (name === undefined) {
    if (required) throw new HttpError(400, 'The instance needs a name: "name" is required.')
    return undefined
  }
  const cleaned = stripHtml(name)
  if (cleaned === '') throw new HttpError(400, 'The instance name is empty once HTML is stripped.')
  return cleaned
}

/** Tags without repeats. */
export function cleanTags(tags: readonly string[] | undefined): string[] | undefined {
  return tags === undefined ? undefined : [...new Set(tags)]
}

/**
 * The tags of a new instance: the ones given, or, when none were, the instance's (sanitised) name,
 * as the platform tags it (a name longer than a tag may be is cut at the tag limit).
 */
export function defaultTags(tags: string[] | undefined, name: string): string[] {
  if (tags !== undefined && tags.length > 0) return tags
  const limit = SANDBOX_LIMITS.tagBytes
  const bytes = Buffer.from(name, 'utf8')
  if (bytes.length <= limit) return [name]
  // Cut on a character boundary: decoding a cut UTF-8 sequence would add a replacement character.
  let end = limit
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--
  return [bytes.subarray(0, end).toString('utf8')]
}

/** The connector key a body names (`your_mom` or `element`); 400 when it names two. */
export function keyFromBody(body: {
  your_mom?: { key: string }
  element?: { key: string }
}): string | undefined {
  const a = body.your_mom?.key
  const b = body.element?.key
  if (a !== undefined && b !== undefined && a !== b) {
    throw new HttpError(400, 'The body names two different connectors (your_mom and element).')
  }
  return a ?? b
}
