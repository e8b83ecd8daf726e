import { NetworkError, PlatformError, ResponseValidationError } from '@plugboard/core'
import { formatAuthorization } from '@plugboard/core/protocol'
import * as v from 'valibot'
import { REQUEST_ID_HEADER } from '../constants.js'

/** A change at an instance's vendor, to simulate on the sandbox. */
export interface VendorChange {
  /** The kind of object, e.g. `customers`. */
  readonly objectType: string
  /** The vendor's id of the object. */
  readonly objectId: string
  /** `CREATED`, `UPDATED` (the default) or `DELETED`. */
  readonly eventType?: 'CREATED' | 'UPDATED' | 'DELETED' | undefined
}

/** Options of {@link simulateVendorChange}. */
export interface SimulateVendorChangeOptions {
  /** The sandbox's API root, e.g. `http://127.0.0.1:4010/your_moms/api-v2`. */
  readonly baseUrl: string
  readonly userSecret: string
  readonly organizationSecret: string
  /** The instance whose vendor changed. */
  readonly instanceId: number
  readonly change: VendorChange
}

/** What a simulated change led to. */
export type SimulatedChange =
  /** A webhook instance: the event was recorded and is being delivered. */
  | { readonly outcome: 'recorded'; readonly eventId: string }
  /** A polling instance: the change waits for the instance's next poll. */
  | { readonly outcome: 'queued'; readonly pollInMinutes: number }

const answerSchema = v.union([
  v.looseObject({ outcome: v.literal('recorded'), eventId: v.string() }),
  v.looseObject({ outcome: v.literal('queued'), pollInMinutes: v.number() }),
])

/**
 * Sandbox-only: simulates a change at an instance's vendor (`POST
 * <baseUrl>/sandbox/instances/{id}/changes`, what `events trigger` runs). The platform has no such
 * route; on the sandbox, a webhook instance then records and delivers an event, a polling one
 * finds the change at its next poll.
 *
 * @throws `PlatformError` (from `@plugboard/core`) when the sandbox refuses (404 no such instance,
 * 409 the instance sends no events, 400 a bad change, 401 wrong secrets); `NetworkError` when it
 * cannot be reached; `ResponseValidationError` for an answer of another shape
 *
 * @example
 * ```ts
 * import { simulateVendorChange } from '@plugboard/sandbox'
 *
 * const result = await simulateVendorChange({
 *   baseUrl: 'http://127.0.0.1:4010/your_moms/api-v2',
 *   userSecret: 'sandbox-user-secret',
 *   organizationSecret: 'sandbox-organization-secret',
 *   instanceId: 1,
 *   change: { objectType: 'customers', objectId: 'cus_1', eventType: 'UPDATED' },
 * })
 * console.log(result) // { outcome: 'recorded', eventId: '…' }
 * ```
 */
export async function simulateVendorChange(
  options: SimulateVendorChangeOptions,
): Promise<SimulatedChange> {
  const path = `sandbox/instances/${encodeURIComponent(String(options.instanceId))}/changes`
  const url = new URL(path, options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`)
  const request = { method: 'POST', path: url.pathname }
  let response: Response
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: formatAuthorization({
          user: options.userSecret,
          organization: options.organizationSecret,
        }),
        'content-type': 'application/json',
      },
      body: JSON.stringify(options.change),
      redirect: 'manual',
    })
  } catch (error) {
    const code = (error as { cause?: { code?: unknown } }).cause?.code
    throw new NetworkError({ request, reason: typeof code === 'string' ? code : undefined })
  }
  const text = await response.text()
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    body = undefined
  }
  if (!response.ok) {
    const message = (body as { message?: unknown } | undefined)?.message
    throw new PlatformError({
      request,
      status: response.status,
      requestId: response.headers.get(REQUEST_ID_HEADER) ?? undefined,
      platformMessage: typeof message === 'string' ? message : `status ${response.status}`,
    })
  }
  const result = v.safeParse(answerSchema, body)
  if (!result.success) {
    throw new ResponseValidationError({
      request,
      fieldPath: '',
      issues: ['expected { outcome: "recorded", eventId } or { outcome: "queued", pollInMinutes }'],
    })
  }
  return result.output.outcome === 'recorded'
    ? { outcome: 'recorded', eventId: result.output.eventId }
    : { outcome: 'queued', pollInMinutes: result.output.pollInMinutes }
}
