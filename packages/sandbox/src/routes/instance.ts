import type { AnyConnector } from '@plugboard/core'
import { Hono } from 'hono'
import { instanceBody, parseBody, readJson } from '../body.js'
import { mergeConfiguration } from '../configuration.js'
import { HttpError } from '../http-error.js'
import { reauthorise } from '../oauth/provision.js'
import type { InstanceRecord } from '../store.js'
import { configurationRoutes } from './configuration.js'
import { eventRoutes } from './events.js'
import { cleanName, cleanTags, keyFromBody } from './instance-input.js'
import type { Ctx, RouteKit, SandboxEnv } from './kit.js'
import { resource } from './resource.js'

/** Reads a PUT or PATCH body for `record`: a body naming another connector is refused. */
async function readChange(kit: RouteKit, c: Ctx, record: InstanceRecord) {
  const body = parseBody(instanceBody, await readJson(c))
  const key = keyFromBody(body)
  if (key !== undefined && key !== record.connectorKey) {
    throw new HttpError(
      400,
      `Instance ${record.id} is a ${record.connectorKey} instance, not ${key}.`,
    )
  }
  return { body, connector: kit.connectorFor(record) }
}

/** What re-authorising needs of the request: its organization, origin and providerData. */
function oauthRequest(c: Ctx, connector: AnyConnector, providerData: unknown) {
  const origin = new URL(c.req.url).origin
  return { connector, organization: c.get('organization').id, origin, providerData }
}

async function replace(kit: RouteKit, c: Ctx, record: InstanceRecord) {
  const { body, connector } = await readChange(kit, c, record)
  // Read, merge and write in one transaction, onto the stored copy as it is now.
  const updated = kit.store.modify(record.organization, record.id, (current) => ({
    name: cleanName(body.name, true) as string,
    configuration: reauthorise(kit.oauth, {
      ...oauthRequest(c, connector, body.providerData),
      configuration: mergeConfiguration(
        connector,
        {},
        body.configuration ?? {},
        current.configuration,
      ),
    }),
    tags: cleanTags(body.tags) ?? [],
  }))
  if (updated === undefined) throw new HttpError(404, `No instance with id ${record.id}.`)
  return kit.answer(c, updated)
}

async function patch(kit: RouteKit, c: Ctx, record: InstanceRecord) {
  const { body, connector } = await readChange(kit, c, record)
  const name = cleanName(body.name, false)
  const tags = cleanTags(body.tags)
  const given = body.configuration
  // Read, merge and write in one transaction, onto the stored copy as it is now.
  const reauthorising = body.providerData !== undefined
  const updated = kit.store.modify(record.organization, record.id, (current) => ({
    ...(name === undefined ? {} : { name }),
    ...(tags === undefined ? {} : { tags }),
    ...(given === undefined && !reauthorising
      ? {}
      : {
          configuration: reauthorise(kit.oauth, {
            ...oauthRequest(c, connector, body.providerData),
            configuration:
              given === undefined
                ? current.configuration
                : mergeConfiguration(
                    connector,
                    current.configuration,
                    given,
                    current.configuration,
                  ),
          }),
        }),
  }))
  if (updated === undefined) throw new HttpError(404, `No instance with id ${record.id}.`)
  return kit.answer(c, updated)
}

function remove(kit: RouteKit, c: Ctx, record: InstanceRecord) {
  kit.store.delete(record.organization, record.id)
  return c.body(null, 200)
}

function setEnabled(kit: RouteKit, c: Ctx, record: InstanceRecord, enabled: boolean) {
  const updated = kit.store.update(record.organization, record.id, { disabled: !enabled })
  if (updated === undefined) throw new HttpError(404, `No instance with id ${record.id}.`)
  return kit.answer(c, updated)
}

/**
 * The routes of one instance, relative to where they are mounted: under `/instances/{id}` (the
 * instance by id) and under `/instances` (the instance the request's token names). Each handler
 * asks `kit.target` for the instance, which reads whichever the request gives.
 */
export function instanceRouter(kit: RouteKit): Hono<SandboxEnv> {
  const router = new Hono<SandboxEnv>()
  const { target } = kit
  resource(router, '/', {
    GET: (c) => kit.answer(c, target(c)),
    PUT: (c) => replace(kit, c, target(c)),
    PATCH: (c) => patch(kit, c, target(c)),
    DELETE: (c) => remove(kit, c, target(c, true)),
  })
  configurationRoutes(router, kit)
  eventRoutes(router, kit)
  resource(router, '/enabled', {
    PUT: (c) => setEnabled(kit, c, target(c, true), true),
    DELETE: (c) => setEnabled(kit, c, target(c, true), false),
  })
  return router
}
