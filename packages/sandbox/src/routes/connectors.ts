import type { Hono } from 'hono'
import { presentDescriptor } from '../present.js'
import { provision } from './collection.js'
import type { RouteKit, SandboxEnv } from './kit.js'
import { resource } from './resource.js'

/** Connector descriptors, and provisioning under a connector key. */
export function connectorRoutes(api: Hono<SandboxEnv>, kit: RouteKit): void {
  for (const collection of ['/elements', '/your_moms']) {
    resource(api, `${collection}/:key`, {
      GET: (c) =>
        c.json(presentDescriptor(kit.connectorOf(c.req.param('key') as string), kit.vocabulary)),
    })
    resource(api, `${collection}/:key/instances`, {
      POST: (c) => provision(kit, c, c.req.param('key') as string),
    })
  }
}
