import type { Hono } from 'hono'
import { presentDescriptor } from '../present.js'
import type { RouteKit, SandboxEnv } from './kit.js'
import { resource } from './resource.js'

/** Connector descriptors (the instances under a connector are in `by-connector.ts`). */
export function connectorRoutes(api: Hono<SandboxEnv>, kit: RouteKit): void {
  for (const collection of ['/elements', '/your_moms']) {
    resource(api, `${collection}/:key`, {
      GET: (c) =>
        c.json(presentDescriptor(kit.connectorOf(c.req.param('key') as string), kit.vocabulary)),
    })
  }
}
