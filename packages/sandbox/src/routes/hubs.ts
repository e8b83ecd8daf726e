import type { Hono } from 'hono'
import { HttpError } from '../http-error.js'
import type { RouteKit, SandboxEnv } from './kit.js'

/** Hub calls: authenticated by the instance token; not emulated beyond an empty answer. */
export function hubRoutes(api: Hono<SandboxEnv>, kit: RouteKit): void {
  api.all('/hubs/:hub/*', (c) => {
    const record = kit.byToken(c)
    const hub = c.req.param('hub')
    const connector = kit.connectorFor(record)
    if (connector.descriptor.hub !== hub) {
      throw new HttpError(
        404,
        `Instance ${record.id} is a ${connector.key} instance of the ${connector.descriptor.hub} hub, not ${hub}.`,
      )
    }
    if (c.req.method === 'GET') return c.json([])
    throw new HttpError(
      501,
      `The sandbox does not emulate ${c.req.method} hub calls: only GET, which answers an empty list.`,
    )
  })
}
