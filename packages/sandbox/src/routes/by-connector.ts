import type { AnyConnector } from '@plugboard/core'
import type { Hono } from 'hono'
import { HttpError } from '../http-error.js'
import { list, provision } from './collection.js'
import { instanceRouter } from './instance.js'
import type { Ctx, RouteKit, SandboxEnv } from './kit.js'
import { resource } from './resource.js'

/**
 * The connector a `{keyOrId}` path segment names: its key, or its numeric id (the descriptor's
 * `id`, e.g. `/elements/451/instances`). 404 listing the known keys otherwise.
 */
export function connectorByKeyOrId(kit: RouteKit, keyOrId: string): AnyConnector {
  if (/^[0-9]+$/.test(keyOrId) && !kit.registry.has(keyOrId)) {
    const id = Number(keyOrId)
    for (const key of kit.registry.keys()) {
      const connector = kit.registry.resolve(key)
      if (connector.descriptor.id === id) return connector
    }
  }
  return kit.connectorOf(keyOrId)
}

function connectorOfPath(kit: RouteKit, c: Ctx): AnyConnector {
  return connectorByKeyOrId(kit, c.req.param('keyOrId') ?? '')
}

/**
 * The instance routes under a connector, for both collections (`/elements` and `/your_moms`):
 * `GET|POST /elements/{keyOrId}/instances`, and every route of one instance under
 * `/elements/{keyOrId}/instances/{id}` (`GET|PUT|PATCH|DELETE`, its configuration entries and
 * `enabled`). An instance of another connector answers 404, as an unknown id does.
 */
export function byConnectorRoutes(api: Hono<SandboxEnv>, kit: RouteKit): void {
  for (const collection of ['/elements', '/your_moms']) {
    const base = `${collection}/:keyOrId/instances`
    resource(api, base, {
      GET: (c) => list(kit, c, connectorOfPath(kit, c).key),
      POST: (c) => provision(kit, c, connectorOfPath(kit, c).key),
    })
    const one = `${base}/:id{[0-9]+}`
    api.use(one, checkConnector(kit))
    api.use(`${one}/*`, checkConnector(kit))
    api.route(one, instanceRouter(kit))
  }
}

function checkConnector(kit: RouteKit) {
  return async (c: Ctx, next: () => Promise<void>) => {
    const connector = connectorOfPath(kit, c)
    const record = kit.target(c, true)
    if (record.connectorKey !== connector.key) {
      throw new HttpError(404, `No ${connector.key} instance with id ${c.req.param('id')}.`)
    }
    await next()
  }
}
