import type { AnyConnector } from '@plugboard/core'
import { NEXT_PAGE_HEADER } from '@plugboard/core/protocol'
import type { Hono } from 'hono'
import { hashToken } from '../auth.js'
import { instanceBody, parseBody, readJson } from '../body.js'
import { mergeConfiguration } from '../configuration.js'
import { HttpError } from '../http-error.js'
import { type AuthoriseRequest, provisionWithOAuth } from '../oauth/provision.js'
import { buildPage } from '../page.js'
import { random32 } from '../random.js'
import type { StoredConfiguration } from '../store.js'
import { userOf } from '../users.js'
import { cleanName, cleanTags, defaultTags, keyFromBody } from './instance-input.js'
import type { Ctx, RouteKit, SandboxEnv } from './kit.js'
import { decodePageToken, encodePageToken, parsePageSize } from './paging.js'

/**
 * What the OAuth flow needs of a provision. Only an OAuth flow reads the origin (its token URLs
 * are on it), so the URL is parsed then. The getter is the class's: one written in an object
 * literal gives every provision a hidden class of its own, which holds the whole request (through
 * the getter's closure) past young-generation collections, about 8 KB promoted per provision.
 */
class ProvisionRequest implements AuthoriseRequest {
  readonly connector: AnyConnector
  readonly organization: string
  readonly providerData: unknown
  readonly configuration: StoredConfiguration
  readonly #context: Ctx

  constructor(
    connector: AnyConnector,
    organization: string,
    providerData: unknown,
    configuration: StoredConfiguration,
    context: Ctx,
  ) {
    this.connector = connector
    this.organization = organization
    this.providerData = providerData
    this.configuration = configuration
    this.#context = context
  }

  get origin(): string {
    return new URL(this.#context.req.url).origin
  }
}

/** `POST /instances` (and `POST /elements/{key}/instances`): provisions an instance. */
export async function provision(kit: RouteKit, c: Ctx, pathKey?: string): Promise<Response> {
  const { vocabulary, store } = kit
  const body = parseBody(instanceBody, await readJson(c))
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
  const organization = c.get('organization')
  const authorise = new ProvisionRequest(
    connector,
    organization.id,
    body.providerData,
    configuration,
    c,
  )
  const tokenHash = hashToken(token)
  const tags = defaultTags(cleanTags(body.tags), name)
  const owner = String(userOf(organization).id)
  // Answered once durable: on a file database, concurrent provisions share one commit.
  const record = await store.write(() =>
    provisionWithOAuth(kit.oauth, authorise, (withTokens) =>
      store.insert({
        organization: organization.id,
        connectorKey: connector.key,
        name,
        configuration: withTokens,
        tags,
        tokenHash,
        token,
        owner,
      }),
    ),
  )
  return kit.answer(c, record)
}

/**
 * `GET /instances` without a token (and `GET /elements/{keyOrId}/instances`, given the connector
 * key): one page of the organization's instances; `hydrate=false` leaves out the connector
 * descriptor and the cache and event flags.
 */
export function list(kit: RouteKit, c: Ctx, connectorKey?: string): Response {
  const { store, registry } = kit
  const present = c.req.query('hydrate') === 'false' ? kit.presentLean : kit.present
  const pageSize = parsePageSize(c.req.query('pageSize'))
  const nextPage = c.req.query('nextPage')
  const afterId = nextPage === undefined || nextPage === '' ? 0 : decodePageToken(nextPage)
  const tags = [...(c.req.queries('tags[]') ?? []), ...(c.req.queries('tags') ?? [])]
  const rows = store.iterate({
    organization: c.get('organization').id,
    connectorKey,
    tags,
    searchText: c.req.query('searchText'),
    afterId,
    limit: pageSize + 1,
  })
  // Rows are read one at a time, and a page ends early once its answer would pass its size limit.
  const page = buildPage(rows, pageSize, (record) =>
    registry.has(record.connectorKey) ? present(record) : undefined,
  )
  if (page.nextAfterId !== undefined) {
    c.header(NEXT_PAGE_HEADER, encodePageToken(page.nextAfterId))
  }
  return kit.jsonText(c, page.text)
}

/**
 * The organization's collection: `POST /instances`, and `GET /instances` without a token. A
 * request with a token goes on to the token-scoped instance routes, registered after these.
 */
export function collectionRoutes(api: Hono<SandboxEnv>, kit: RouteKit): void {
  api.post('/instances', (c) => provision(kit, c))
  api.get('/instances', (c, next) => (c.get('token') === undefined ? list(kit, c) : next()))
}
