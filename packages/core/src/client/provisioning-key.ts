import type { AnyConnector } from '../connector.js'
import { ProvisioningKeyError } from '../errors/provisioning-key-error.js'
import {
  NetworkError,
  PlatformError,
  type RequestSummary,
  TimeoutError,
} from '../errors/request-errors.js'
import type { ProvisionedInstance } from '../instance.js'
import type { Context } from './context.js'
import { invalid } from './options.js'
import { parseInstance } from './parse.js'
import { request } from './request.js'

/**
 * The tag that carries a provisioning key: `plugboard-provisioning-key:<key>`.
 *
 * @group Provisioning
 */
export const PROVISIONING_KEY_TAG_PREFIX = 'plugboard-provisioning-key:'

/** The longest provisioning key, in characters (the tag stays within the platform's limits). */
const MAX_KEY_LENGTH = 200

/** The tag for a provisioning key, or an InvalidArgumentError. */
export function provisioningKeyTag(key: unknown): string {
  if (typeof key !== 'string' || key.trim() === '') {
    invalid('provisioningKey', 'provisioningKey must be a non-empty string.')
  }
  if (key.length > MAX_KEY_LENGTH || /[\r\n,]/.test(key)) {
    invalid(
      'provisioningKey',
      `provisioningKey must be at most ${MAX_KEY_LENGTH} characters, without a comma or a line break.`,
    )
  }
  return `${PROVISIONING_KEY_TAG_PREFIX}${key}`
}

/**
 * Whether a failed `POST /instances` may have created the instance all the same: the answer was
 * lost (connection dropped, timeout) or the platform failed after the fact (5xx).
 */
export function mayHaveCreated(error: unknown): boolean {
  return (
    NetworkError.isInstance(error) ||
    TimeoutError.isInstance(error) ||
    (PlatformError.isInstance(error) && error.status >= 500)
  )
}

function isTagged(item: unknown, tag: string): item is { id: number } {
  if (typeof item !== 'object' || item === null) return false
  const { id, tags } = item as { id?: unknown; tags?: unknown }
  return typeof id === 'number' && Array.isArray(tags) && tags.includes(tag)
}

/**
 * The instance an earlier provisioning with this key created (the lowest id, should there be
 * several), read by id so that its answer carries the token; `undefined` when there is none.
 * Throws a ProvisioningKeyError when the platform answers it without a token.
 */
export async function findProvisioned<C extends AnyConnector>(
  context: Context,
  connector: C,
  tag: string,
): Promise<ProvisionedInstance<C> | undefined> {
  const params = new URLSearchParams([['tags[]', tag]])
  const ids = await request(
    context.transport,
    { method: 'GET', path: 'instances', searchParams: params },
    (body) =>
      (Array.isArray(body) ? body : [body])
        .filter((item) => isTagged(item, tag))
        .map((item) => (item as { id: number }).id)
        .sort((a, b) => a - b),
  )
  const [id] = ids
  if (id === undefined) return undefined
  const path = `instances/${id}`
  const instance = await request(context.transport, { method: 'GET', path }, (body, answer) =>
    parseInstance(body, { request: answer.request, vocabulary: context.vocabulary, connector }),
  )
  if (typeof instance.token !== 'string' || instance.token === '') {
    const summary: RequestSummary = { method: 'POST', path: '/instances' }
    throw new ProvisioningKeyError({ request: summary, instanceId: id })
  }
  context.transport.secrets.remember(instance.token)
  return instance as ProvisionedInstance<C>
}
