import { readFileSync } from 'node:fs'
import { formatAuthorization } from '@plugboard/core/protocol'
import { SANDBOX_ORGANIZATION_SECRET, SANDBOX_USER_SECRET } from './constants.js'
import type { Sandbox } from './sandbox.js'

/** Test support: the development organization's Authorization header value. */
export const devAuthorization = formatAuthorization({
  user: SANDBOX_USER_SECRET,
  organization: SANDBOX_ORGANIZATION_SECRET,
})

/** Test support: reads one of the Chargebee fixtures (copies of the seed's example request and response). */
export function fixture(name: string): Record<string, unknown> {
  const url = new URL(`./fixtures/chargebee/${name}`, import.meta.url)
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>
}

/** Test support: a JSON call through `app.request`. */
export async function call(
  sandbox: Sandbox,
  method: string,
  path: string,
  options: { body?: unknown; authorization?: string | null; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.authorization !== null)
    headers.authorization = options.authorization ?? devAuthorization
  let body: string | undefined
  if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json'
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
  }
  const response = await sandbox.app.request(path, { method, headers, body })
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = text === '' ? undefined : JSON.parse(text)
  } catch {}
  return { status: response.status, body: parsed, headers: response.headers }
}

/**
 * Test support: the paths of `expected`'s keys (recursively, arrays element by element) that
 * `actual` lacks.
 */
export function missingKeys(expected: unknown, actual: unknown, path = ''): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path} (not an array)`]
    return expected.flatMap((item, index) => missingKeys(item, actual[index], `${path}[${index}]`))
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null) return [`${path} (not an object)`]
    return Object.entries(expected).flatMap(([key, value]) =>
      Object.hasOwn(actual, key)
        ? missingKeys(value, (actual as Record<string, unknown>)[key], `${path}.${key}`)
        : [`${path}.${key}`],
    )
  }
  return []
}
