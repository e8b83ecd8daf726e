import { NEXT_PAGE_HEADER } from '@plugboard/core/protocol'
import type { Hono } from 'hono'
import { loadCatalogue } from '../catalogue/catalogue.js'
import { type CatalogueLookup, withCatalogue } from '../catalogue/lookup.js'
import {
  authenticationTypes,
  catalogueItem,
  describeElement,
  describePackage,
} from '../catalogue/platform-view.js'
import { HttpError } from '../http-error.js'
import { presentDescriptor } from '../present.js'
import type { Ctx, RouteKit, SandboxEnv } from './kit.js'
import { decodePageToken, encodePageToken, parsePageSize } from './paging.js'
import { resource } from './resource.js'

function lookupOf(kit: RouteKit): CatalogueLookup {
  const registry = kit.registry as Partial<CatalogueLookup>
  return registry.catalogue !== undefined && registry.packages !== undefined
    ? (registry as CatalogueLookup)
    : withCatalogue(kit.registry, loadCatalogue())
}

/** Every connector the sandbox knows, in key order: the catalogue's, and packages it lacks. */
function allItems(lookup: CatalogueLookup) {
  const keys = [
    ...new Set([
      ...lookup.catalogue.elements.map((element) => element.key),
      ...lookup.packages.keys(),
    ]),
  ].sort()
  return keys.map((key) => ({
    item: catalogueItem(lookup.elementOf(key), lookup.packageOf(key)),
    element: lookup.elementOf(key),
  }))
}

function list(lookup: CatalogueLookup, c: Ctx): Response {
  const pageSize = parsePageSize(c.req.query('pageSize'))
  const nextPage = c.req.query('nextPage')
  const start = nextPage === undefined || nextPage === '' ? 0 : decodePageToken(nextPage)
  const hub = c.req.query('hub') || undefined
  const authentication = c.req.query('authentication') || undefined
  const text = (c.req.query('text') || c.req.query('searchText') || '').toLowerCase()
  const matching = allItems(lookup)
    .filter(
      ({ item, element }) =>
        (hub === undefined || item.hub === hub) &&
        (authentication === undefined ||
          item.authentication.type === authentication ||
          (element !== undefined &&
            authenticationTypes(element.authentication).includes(authentication))) &&
        (text === '' ||
          item.key.toLowerCase().includes(text) ||
          item.name.toLowerCase().includes(text)),
    )
    .map(({ item }) => item)
  const page = matching.slice(start, start + pageSize)
  if (start + pageSize < matching.length)
    c.header(NEXT_PAGE_HEADER, encodePageToken(start + pageSize))
  return c.json(page)
}

/** The element or package `keyOrId` names; 404 naming how to list the known ones. */
function find(lookup: CatalogueLookup, keyOrId: string) {
  const connector = lookup.packageOf(keyOrId)
  const element = lookup.elementOf(connector?.key ?? keyOrId)
  if (connector === undefined && element === undefined) {
    throw new HttpError(
      404,
      `Unknown connector "${keyOrId}": no package and no catalogue entry has this key or id (GET /elements/keys lists the keys).`,
    )
  }
  return {
    connector: connector ?? lookup.resolve(element?.key ?? keyOrId),
    element,
    packaged: connector !== undefined,
  }
}

/**
 * The platform's catalogue under one API root: `GET /elements` (paged, by hub, authentication and
 * text), `/elements/keys`, `/elements/{keyOrId}`, its `/configuration`, `/parameters` and
 * `/authentication-types` (and the same under `/your_moms`). A connector package takes precedence
 * over its catalogue entry. A catalogued OAuth connector provisions through the sandbox's OAuth
 * flow (`routes/oauth.ts`), as a package does.
 */
export function catalogueRoutes(api: Hono<SandboxEnv>, kit: RouteKit): void {
  const lookup = lookupOf(kit)
  for (const collection of ['/elements', '/your_moms']) {
    resource(api, collection, { GET: (c) => list(lookup, c) })
    resource(api, `${collection}/keys`, {
      GET: (c) => c.json(allItems(lookup).map(({ item }) => item.key)),
    })
    resource(api, `${collection}/:keyOrId{[^/]+}`, {
      GET: (c) => {
        const found = find(lookup, c.req.param('keyOrId') as string)
        return c.json(presentDescriptor(found.connector, kit.vocabulary))
      },
    })
    resource(api, `${collection}/:keyOrId/configuration`, {
      GET: (c) => {
        const found = find(lookup, c.req.param('keyOrId') as string)
        return c.json(
          found.packaged || found.element === undefined
            ? describePackage(found.connector, found.element)
            : describeElement(found.element).configuration,
        )
      },
    })
    resource(api, `${collection}/:keyOrId/parameters`, {
      GET: (c) => {
        const found = find(lookup, c.req.param('keyOrId') as string)
        return c.json(presentDescriptor(found.connector, kit.vocabulary).parameters ?? [])
      },
    })
    resource(api, `${collection}/:keyOrId/authentication-types`, {
      GET: (c) => {
        const found = find(lookup, c.req.param('keyOrId') as string)
        return c.json(
          found.packaged || found.element === undefined
            ? [found.connector.descriptor.authentication.type]
            : authenticationTypes(found.element.authentication),
        )
      },
    })
  }
}
