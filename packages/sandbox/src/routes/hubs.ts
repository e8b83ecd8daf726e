import { INSTANCE_ID_HEADER } from '@plugboard/core/protocol'
import type { Hono } from 'hono'
import { HttpError } from '../http-error.js'
import type { Ctx, RouteKit, SandboxEnv } from './kit.js'
import { resource } from './resource.js'

/** The first path segments of the platform's own routes: never taken for a hub resource. */
const PLATFORM_SEGMENTS = new Set(['instances', 'elements', 'your_moms', 'hubs', 'events'])

/**
 * One hub call, with the instance token: the `{hub}` segment plays no part (the instance's
 * connector decides), so `/hubs/payment/customers`, `/hubs/other/customers` and `/customers` are
 * one resource. A disabled instance answers 403, a deleted instance's token 401. The sandbox holds
 * no hub data: a GET answers an empty list, other methods 501. Every answer, refusals included,
 * carries the instance id in `elements-element-instance-id` once the token named an instance.
 */
function hubCall(kit: RouteKit, c: Ctx): Response {
  const record = kit.byToken(c, true)
  c.header(INSTANCE_ID_HEADER, String(record.id))
  if (record.disabled) {
    throw new HttpError(403, `Instance ${record.id} is disabled: enable it to use it.`, {
      [INSTANCE_ID_HEADER]: String(record.id),
    })
  }
  kit.connectorFor(record)
  if (c.req.method === 'GET') return c.json([])
  throw new HttpError(
    501,
    `The sandbox does not emulate ${c.req.method} hub calls: only GET, which answers an empty list.`,
    { [INSTANCE_ID_HEADER]: String(record.id) },
  )
}

/**
 * Hub calls: `GET /hubs/keys` (the hubs of the served connectors; a platform call, no token
 * needed), `/hubs/{hub}/{resource…}` and, for any other path whose first segment is not one of
 * the platform's own, `/{resource…}` (both with the instance token).
 */
export function hubRoutes(api: Hono<SandboxEnv>, kit: RouteKit): void {
  resource(api, '/hubs/keys', {
    GET: (c) => {
      const hubs = new Set(
        kit.registry.keys().map((key) => kit.registry.resolve(key).descriptor.hub),
      )
      return c.json([...hubs].sort())
    },
  })
  api.all('/hubs/:hub/*', (c) => hubCall(kit, c))
  api.all('/:resource/*', (c, next) => {
    const first = c.req.param('resource') ?? ''
    if (PLATFORM_SEGMENTS.has(first) || c.get('token') === undefined) return next()
    return hubCall(kit, c)
  })
}
