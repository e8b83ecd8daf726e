import type { RunningSandbox } from '../../src/server.js'

/**
 * Test support: one JSON call to a sandbox listening on a loopback port, with the development
 * organization's Authorization header; the answer's status and its body parsed as JSON.
 */
export async function sendJson(
  server: RunningSandbox,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { authorization: server.authorization, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}
