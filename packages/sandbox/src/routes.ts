import type { AnyConnector } from '@plugboard/core'
import { type Context, Hono } from 'hono'
import {
  createAuthenticator,
  hashToken,
  parseAuthorization,
  type SandboxOrganization,
} from './auth.js'
import { configurationEntryBody, instanceBody, parseBody, readJson } from './body.js'
import { mergeConfiguration } from './configuration.js'
import { NEXT_PAGE_HEADER, PAGE_SIZE, UNAUTHORIZED_MESSAGE } from './constants.js'
import { HttpError } from './http-error.js'
import { buildPage } from './page.js'
import { instanceJson, presentConfigurationEntries, presentDescriptor } from './present.js'
import { random32 } from './random.js'
import { stripHtml } from './sanitize.js'
import type { InstanceRecord, SandboxStore } from './store.js'
import type { Vocabulary } from './vocabulary.js'

/** What the routes look connectors up in: a core `Registry` satisfies it. */
export interface ConnectorLookup {
  /** Whether a connector is registered under `key`. */
  has(key: string): boolean
  /** The connector registered under `key` (throws when there is none). */
  resolve(key: string): AnyConnector
  /** The registered keys. */
  keys(): string[]
}

/** The Hono environment of the sandbox's routes. */
export interface SandboxEnv {
  Variables: {
    requestId: string
    organization: SandboxOrganization
    token: string | undefined
  }
}

interface Dependencies {
  readonly store: SandboxStore
  readonly registry: ConnectorLookup
  readonly organizations: readonly SandboxOrganization[]
}

type Ctx = Context<SandboxEnv>

const id = ':id{[0-9]+}'

const JSON_CONTENT_TYPE = { 'content-type': 'application/json' } as const

function methodNotAllowed(c: Ctx): never {
  throw new HttpError(405, `Method ${c.req.method} is not allowed on ${c.req.path}.`)
}

function encodePageToken(lastId: number): string {
  return Buffer.from(`after:${lastId}`, 'utf8').toString('base64url')
}

function decodePageToken(token: string): number {
  const match = /^after:([0-9]{1,15})$/.exec(Buffer.from(token, 'base64url').toString('utf8'))
  if (match === null) throw new HttpError(400, 'The nextPage token is not one this sandbox issued.')
  return Number(match[1])
}

function parsePageSize(value: string | undefined): number {
  if (value === undefined || value === '') return PAGE_SIZE.default
  if (!/^[0-9]+$/.test(value) || Number(value) < 1) {
    throw new HttpError(400, 'pageSize must be a positive integer.')
  }
  return Math.min(Number(value), PAGE_SIZE.max)
}

function cleanName(name: string | undefined, required: boolean): string | undefined {
  if (name === undefined) {
    if (required) throw new HttpError(400, 'The instance needs a name: "name" is required.')
    return undefined
  }
  const cleaned = stripHtml(name)
  if (cleaned === '') throw new HttpError(400, 'The instance name is empty once HTML is stripped.')
  return cleaned
}

function cleanTags(tags: readonly string[] | undefined): string[] | undefined {
  return tags === undefined ? undefined : [...new Set(tags)]
}

/**
 * The instances API under one API root, speaking one vocabulary (`your_mom` or `element` in
 * bodies). Both field names are accepted in request bodies.
 */
export function createApi(vocabulary: Vocabulary, deps: Dependencies): Hono<SandboxEnv> {
  const { store, registry, organizations } = deps
  const api = new Hono<SandboxEnv>()
  const authenticate = createAuthenticator(organizations)

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

  const connectorOf = (key: string): AnyConnector => {
    if (!registry.has(key)) {
      const known = registry.keys()
      throw new HttpError(
        404,
        `Unknown connector "${key}". Known connectors: ${known.length > 0 ? known.join(', ') : '(none)'}.`,
      )
    }
    return registry.resolve(key)
  }

  const byId = (c: Ctx): InstanceRecord => {
    const value = Number(c.req.param('id'))
    const record = Number.isSafeInteger(value)
      ? store.get(c.get('organization').id, value)
      : undefined
    if (record === undefined) throw new HttpError(404, `No instance with id ${c.req.param('id')}.`)
    return record
  }

  /** The instance the request's token names; 401 without a valid token, 403 when disabled. */
  const byToken = (c: Ctx, allowDisabled = false): InstanceRecord => {
    const token = c.get('token')
    const record = token === undefined ? undefined : store.getByTokenHash(hashToken(token))
    if (record === undefined || record.organization !== c.get('organization').id) {
      throw new HttpError(401, UNAUTHORIZED_MESSAGE)
    }
    if (record.disabled && !allowDisabled) {
      throw new HttpError(403, `Instance ${record.id} is disabled: enable it to use it.`)
    }
    return record
  }

  /** The connector of a stored instance; 404 when this sandbox no longer serves it. */
  const connectorFor = (record: InstanceRecord): AnyConnector => {
    if (!registry.has(record.connectorKey)) {
      throw new HttpError(
        404,
        `Instance ${record.id} belongs to connector "${record.connectorKey}", which this sandbox does not serve.`,
      )
    }
    return registry.resolve(record.connectorKey)
  }

  /** Answers 200 with JSON text made by hand (the shape of `presentInstance`, built faster). */
  const jsonText = (c: Ctx, text: string) => c.body(text, 200, JSON_CONTENT_TYPE)

  const answer = (c: Ctx, record: InstanceRecord, token?: string) =>
    jsonText(c, instanceJson(record, connectorFor(record), vocabulary, token))

  const keyFromBody = (body: { your_mom?: { key: string }; element?: { key: string } }) => {
    const a = body.your_mom?.key
    const b = body.element?.key
    if (a !== undefined && b !== undefined && a !== b) {
      throw new HttpError(400, 'The body names two different connectors (your_mom and element).')
    }
    return a ?? b
  }

  const provision = async (c: Ctx, pathKey?: string) => {
    const body = parseBody(instanceBody, await readJson(c))
    const bodyKey = keyFromBody(body)
    const key = pathKey ?? bodyKey
    if (key === undefined) {
      throw new HttpError(400, `The body must name the connector: {"${vocabulary}": {"key": …}}.`)
    }
    if (pathKey !== undefined && bodyKey !== undefined && bodyKey !== pathKey) {
      throw new HttpError(400, `The body names connector "${bodyKey}" but the path "${pathKey}".`)
    }
    const connector = connectorOf(key)
    const name = cleanName(body.name, true) as string
    const configuration = mergeConfiguration(connector, {}, body.configuration ?? {})
    const token = random32().toString('base64')
    const record = store.insert({
      organization: c.get('organization').id,
      connectorKey: connector.key,
      name,
      configuration,
      tags: cleanTags(body.tags) ?? [],
      tokenHash: hashToken(token),
    })
    return answer(c, record, token)
  }

  /** Reads a PUT or PATCH body for `record`: a body naming another connector is refused. */
  const readChange = async (c: Ctx, record: InstanceRecord) => {
    const body = parseBody(instanceBody, await readJson(c))
    const key = keyFromBody(body)
    if (key !== undefined && key !== record.connectorKey) {
      throw new HttpError(
        400,
        `Instance ${record.id} is a ${record.connectorKey} instance, not ${key}.`,
      )
    }
    return { body, connector: connectorFor(record) }
  }

  const replace = async (c: Ctx, record: InstanceRecord) => {
    const { body, connector } = await readChange(c, record)
    const updated = store.modify(record.organization, record.id, (current) => ({
      name: cleanName(body.name, true) as string,
      configuration: mergeConfiguration(
        connector,
        {},
        body.configuration ?? {},
        current.configuration,
      ),
      tags: cleanTags(body.tags) ?? [],
    }))
    if (updated === undefined) throw new HttpError(404, `No instance with id ${record.id}.`)
    return answer(c, updated)
  }

  const patch = async (c: Ctx, record: InstanceRecord) => {
    const { body, connector } = await readChange(c, record)
    const name = cleanName(body.name, false)
    const tags = cleanTags(body.tags)
    const given = body.configuration
    const updated = store.modify(record.organization, record.id, (current) => ({
      ...(name === undefined ? {} : { name }),
      ...(tags === undefined ? {} : { tags }),
      ...(given === undefined
        ? {}
        : {
            configuration: mergeConfiguration(
              connector,
              current.configuration,
              given,
              current.configuration,
            ),
          }),
    }))
    if (updated === undefined) throw new HttpError(404, `No instance with id ${record.id}.`)
    return answer(c, updated)
  }

  const remove = (c: Ctx, record: InstanceRecord) => {
    store.delete(record.organization, record.id)
    return c.body(null, 200)
  }

  const setEnabled = (c: Ctx, record: InstanceRecord, enabled: boolean) => {
    const updated = store.update(record.organization, record.id, { disabled: !enabled })
    if (updated === undefined) throw new HttpError(404, `No instance with id ${record.id}.`)
    return answer(c, updated)
  }

  const configuration = (c: Ctx, record: InstanceRecord) =>
    c.json(presentConfigurationEntries(record, connectorFor(record)))

  const patchEntry = async (c: Ctx, record: InstanceRecord) => {
    const body = parseBody(configurationEntryBody, await readJson(c))
    const connector = connectorFor(record)
    const configId = c.req.param('configId') ?? ''
    const entry = presentConfigurationEntries(record, connector).find(
      (candidate) => String(candidate.id) === configId || candidate.key === configId,
    )
    if (entry === undefined) {
      throw new HttpError(404, `Instance ${record.id} has no configuration entry "${configId}".`)
    }
    const updated = store.modify(record.organization, record.id, (current) => ({
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

  const list = (c: Ctx) => {
    const pageSize = parsePageSize(c.req.query('pageSize'))
    const nextPage = c.req.query('nextPage')
    const afterId = nextPage === undefined || nextPage === '' ? 0 : decodePageToken(nextPage)
    const tags = [...(c.req.queries('tags[]') ?? []), ...(c.req.queries('tags') ?? [])]
    const rows = store.iterate({
      organization: c.get('organization').id,
      tags,
      searchText: c.req.query('searchText'),
      afterId,
      limit: pageSize + 1,
    })
    const page = buildPage(rows, pageSize, (record) =>
      registry.has(record.connectorKey)
        ? instanceJson(record, connectorFor(record), vocabulary)
        : undefined,
    )
    if (page.nextAfterId !== undefined) {
      c.header(NEXT_PAGE_HEADER, encodePageToken(page.nextAfterId))
    }
    return jsonText(c, page.text)
  }

  // Connector descriptors and provisioning under a connector key.
  for (const collection of ['/elements', '/your_moms']) {
    api.get(`${collection}/:key`, (c) =>
      c.json(presentDescriptor(connectorOf(c.req.param('key')), vocabulary)),
    )
    api.all(`${collection}/:key`, methodNotAllowed)
    api.post(`${collection}/:key/instances`, (c) => provision(c, c.req.param('key')))
    api.all(`${collection}/:key/instances`, methodNotAllowed)
  }

  // Organization-scoped collection, and the token-scoped forms without an id.
  api.post('/instances', (c) => provision(c))
  api.get('/instances', (c) => (c.get('token') === undefined ? list(c) : answer(c, byToken(c))))
  api.put('/instances', (c) => replace(c, byToken(c)))
  api.patch('/instances', (c) => patch(c, byToken(c)))
  api.delete('/instances', (c) => remove(c, byToken(c, true)))
  api.all('/instances', methodNotAllowed)
  api.get('/instances/configuration', (c) => configuration(c, byToken(c)))
  api.all('/instances/configuration', methodNotAllowed)
  api.patch('/instances/configuration/:configId', (c) => patchEntry(c, byToken(c)))
  api.all('/instances/configuration/:configId', methodNotAllowed)
  api.put('/instances/enabled', (c) => setEnabled(c, byToken(c, true), true))
  api.delete('/instances/enabled', (c) => setEnabled(c, byToken(c, true), false))
  api.all('/instances/enabled', methodNotAllowed)

  // Instance routes by id.
  api.get(`/instances/${id}`, (c) => answer(c, byId(c)))
  api.put(`/instances/${id}`, (c) => replace(c, byId(c)))
  api.patch(`/instances/${id}`, (c) => patch(c, byId(c)))
  api.delete(`/instances/${id}`, (c) => remove(c, byId(c)))
  api.all(`/instances/${id}`, methodNotAllowed)
  api.get(`/instances/${id}/configuration`, (c) => configuration(c, byId(c)))
  api.all(`/instances/${id}/configuration`, methodNotAllowed)
  api.patch(`/instances/${id}/configuration/:configId`, (c) => patchEntry(c, byId(c)))
  api.all(`/instances/${id}/configuration/:configId`, methodNotAllowed)
  api.put(`/instances/${id}/enabled`, (c) => setEnabled(c, byId(c), true))
  api.delete(`/instances/${id}/enabled`, (c) => setEnabled(c, byId(c), false))
  api.all(`/instances/${id}/enabled`, methodNotAllowed)

  // Hub calls: authenticated by the instance token; not emulated beyond an empty answer.
  api.all('/hubs/:hub/*', (c) => {
    const record = byToken(c)
    const hub = c.req.param('hub')
    const connector = connectorFor(record)
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

  return api
}
