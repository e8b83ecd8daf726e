import type { Hono } from 'hono'
import { configurationEntryBody, parseBody, readJson } from '../body.js'
import { mergeConfiguration } from '../configuration.js'
import { HttpError } from '../http-error.js'
import { type ConfigurationEntryBody, presentConfigurationEntries } from '../present.js'
import type { InstanceRecord } from '../store.js'
import type { Ctx, RouteKit, SandboxEnv } from './kit.js'
import { resource } from './resource.js'

/** The entry `configId` (its id or its key) of an instance; 404 when it has none. */
function entryOf(kit: RouteKit, c: Ctx, record: InstanceRecord): ConfigurationEntryBody {
  const configId = c.req.param('configId') ?? ''
  const entry = presentConfigurationEntries(record, kit.connectorFor(record)).find(
    (candidate) => String(candidate.id) === configId || candidate.key === configId,
  )
  if (entry === undefined) {
    throw new HttpError(404, `Instance ${record.id} has no configuration entry "${configId}".`)
  }
  return entry
}

async function patchEntry(kit: RouteKit, c: Ctx, record: InstanceRecord) {
  const body = parseBody(configurationEntryBody, await readJson(c))
  const connector = kit.connectorFor(record)
  const entry = entryOf(kit, c, record)
  // Read, merge and write in one transaction, onto the stored copy as it is now.
  const updated = kit.store.modify(record.organization, record.id, (current) => ({
    configuration: mergeConfiguration(
      connector,
      current.configuration,
      { [entry.key]: body.propertyValue },
      current.configuration,
    ),
  }))
  if (updated === undefined) throw new HttpError(404, `No instance with id ${record.id}.`)
  const result = presentConfigurationEntries(updated, connector).find((e) => e.key === entry.key)
  return c.json(result ?? entry)
}

/** An instance's configuration entries: the list, and one entry by id or key. */
export function configurationRoutes(router: Hono<SandboxEnv>, kit: RouteKit): void {
  const { target } = kit
  resource(router, '/configuration', {
    GET: (c) => {
      const record = target(c)
      return c.json(presentConfigurationEntries(record, kit.connectorFor(record)))
    },
  })
  resource(router, '/configuration/:configId', {
    GET: (c) => c.json(entryOf(kit, c, target(c))),
    PATCH: (c) => patchEntry(kit, c, target(c)),
  })
}
