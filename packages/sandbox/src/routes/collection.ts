import { instanceRequestSchema, NEXT_PAGE_HEADER } from '@plugboard/core/protocol'
import type { Hono } from 'hono'
import { hashToken } from '../auth.js'
import { parseBody, readJson } from '../body.js'
import { mergeConfiguration } from '../configuration.js'
import { HttpError } from '../http-error.js'
import { instanceJson } from '../present.js'
import { random32 } from '../random.js'
import { cleanName, cleanTags, keyFromBody } from './instance-input.js'
import type { Ctx, RouteKit, SandboxEnv } from './kit.js'
import { decodePageToken, encodePageToken, parsePageSize } from './paging.js'

/** `POST /instances` (and `POST /elements/{key}/instances`): provisions an instance. */
export async function provision(kit: RouteKit, c: Ctx, pathKey?: string): Promise<Response> {
  const { vocabulary, store } = kit
  const body = parseBody(instanceRequestSchema, await readJson(c))
  const bodyKey = keyFromBody(body)
  const key = pathKey ?? bodyKey
  if (key === undefined) {
    throw new HttpError(400, `The body must name the connector: {"${vocabulary}": {"key": …}}.`)
  }
  if (pathKey !== undefined && bodyKey !== undefined && bodyKey !== pathKey) {
    throw new HttpError(400, `The body names connector "${bodyKey}" but the path "${pathKey}".`)
  }
  const connector = kit.connectorOf(key)
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
  return kit.answer(c, record, token)
}

/** `GET /instances` without a token: one page of the organization's instances. */
function list(kit: RouteKit, c: Ctx): Response {
  const { store, registry, vocabulary } = kit
  const pageSize = parsePageSize(c.req.query('pageSize'))
  const nextPage = c.req.query('nextPage')
  const afterId = nextPage === undefined || nextPage === '' ? 0 : decodePageToken(nextPage)
  const tags = [...(c.req.queries('tags[]') ?? []), ...(c.req.queries('tags') ?? [])]
  const rows = store.list({
    organization: c.get('organization').id,
    tags,
    searchText: c.req.query('searchText'),
    afterId,
    limit: pageSize + 1,
  })
  const page = rows.slice(0, pageSize)
  const last = page.at(-1)
  if (rows.length > pageSize && last !== undefined) {
    c.header(NEXT_PAGE_HEADER, encodePageToken(last.id))
  }
  return kit.jsonText(
    c,
    `[${page
      .filter((record) => registry.has(record.connectorKey))
      .map((record) => instanceJson(record, kit.connectorFor(record), vocabulary))
      .join(',')}]`,
  )
}

/**
 * The organization's collection: `POST /instances`, and `GET /instances` without a token. A
 * request with a token goes on to the token-scoped instance routes, registered after these.
 */
export function collectionRoutes(api: Hono<SandboxEnv>, kit: RouteKit): void {
  api.post('/instances', (c) => provision(kit, c))
  api.get('/instances', (c, next) => (c.get('token') === undefined ? list(kit, c) : next()))
}
