import { parseAuthorization, type Vocabulary } from '@plugboard/core/protocol'
import { Hono } from 'hono'
import { createAuthenticator } from '../auth.js'
import { UNAUTHORIZED_MESSAGE } from '../constants.js'
import { HttpError } from '../http-error.js'
import { byConnectorRoutes } from './by-connector.js'
import { catalogueRoutes } from './catalogue.js'
import { collectionRoutes } from './collection.js'
import { connectorRoutes } from './connectors.js'
import { simulationRoutes } from './events.js'
import { hubRoutes } from './hubs.js'
import { instanceRouter } from './instance.js'
import { createKit, type Dependencies, type SandboxEnv } from './kit.js'
import { oauthRoutes } from './oauth.js'

/**
 * The instances API under one API root, speaking one vocabulary (`your_mom` or `element` in
 * bodies). Both field names are accepted in request bodies.
 */
export function createApi(vocabulary: Vocabulary, deps: Dependencies): Hono<SandboxEnv> {
  const api = new Hono<SandboxEnv>()
  const authenticate = createAuthenticator(deps.organizations)

  api.use('*', async (c, next) => {
    const parts = parseAuthorization(c.req.header('authorization'))
    const organization = parts === undefined ? undefined : authenticate(parts)
    if (organization === undefined || parts === undefined) {
      throw new HttpError(401, UNAUTHORIZED_MESSAGE)
    }
    c.set('organization', organization)
    c.set('token', parts.token)
    await next()
  })

  const kit = createKit(vocabulary, deps)
  catalogueRoutes(api, kit)
  oauthRoutes(api, kit)
  connectorRoutes(api, kit)
  byConnectorRoutes(api, kit)
  collectionRoutes(api, kit)
  // One instance router, mounted for both forms: by id, and named by the request's token.
  const instance = instanceRouter(kit)
  api.route('/instances/:id{[0-9]+}', instance)
  api.route('/instances', instance)
  hubRoutes(api, kit)
  simulationRoutes(api, kit)
  return api
}
