import * as v from 'valibot'
import {
  type CatalogueConnector,
  type ConnectorConfigurationEntry,
  catalogueConnectorSchema,
  connectorConfigurationSchema,
} from '../description/schemas.js'
import type { InstanceConnector } from '../instance.js'
import { NEXT_PAGE_HEADER } from '../protocol/facts.js'
import { type Context, segment } from './context.js'
import { parseConnector, responseError } from './parse.js'
import { type Answer, request } from './request.js'

/** The query of {@link ConnectorsResource.list}: every given condition must hold. */
export interface ListConnectorsQuery {
  /** Only connectors of this hub (`payment`, `crm`, …). */
  readonly hub?: string | undefined
  /** Only connectors that authenticate this way (`basic`, `custom`, `oauth2`, …). */
  readonly authentication?: string | undefined
  /** Only connectors whose key or name holds this text (case-insensitive). */
  readonly text?: string | undefined
  /** How many connectors per page. */
  readonly pageSize?: number | undefined
  /** The token of the page to read, from a previous page's `nextPage`. */
  readonly nextPage?: string | undefined
}

/** One page of the platform's connector catalogue. */
export interface ConnectorPage {
  /** The connectors on this page. */
  readonly connectors: readonly CatalogueConnector[]
  /** The token of the next page, if there is one. */
  readonly nextPage?: string | undefined
}

function parseWith<T>(schema: v.GenericSchema<unknown, T>): (body: unknown, answer: Answer) => T {
  return (body, { request: summary }) => {
    const result = v.safeParse(schema, body)
    if (!result.success) throw responseError(summary, result.issues)
    return result.output
  }
}

const parseCatalogue = /* @__PURE__ */ parseWith(/* @__PURE__ */ v.array(catalogueConnectorSchema))
const parseKeys = /* @__PURE__ */ parseWith(/* @__PURE__ */ v.array(/* @__PURE__ */ v.string()))
const parseConfiguration = /* @__PURE__ */ parseWith(connectorConfigurationSchema)

/**
 * The platform's connectors: its catalogue, descriptors and configuration descriptions.
 *
 * @group Connectors
 */
export class ConnectorsResource {
  readonly #context: Context

  /** @internal Built by `createPlatformClient`. */
  constructor(context: Context) {
    this.#context = context
  }

  /**
   * One page of the catalogue (`GET /elements`), filtered by hub, authentication and text.
   *
   * @example
   * ```ts
   * const page = await client.connectors.list({ hub: 'crm', authentication: 'basic' })
   * for (const connector of page.connectors) console.log(connector.key, connector.name)
   * ```
   */
  async list(query: ListConnectorsQuery = {}): Promise<ConnectorPage> {
    const searchParams = new URLSearchParams()
    for (const name of ['hub', 'authentication', 'text', 'nextPage'] as const) {
      const value = query[name]
      if (value !== undefined && value !== '') searchParams.set(name, value)
    }
    if (query.pageSize !== undefined) searchParams.set('pageSize', String(query.pageSize))
    return request(
      this.#context.transport,
      { method: 'GET', path: 'elements', searchParams },
      (body, answer): ConnectorPage => {
        const connectors = parseCatalogue(body, answer)
        const nextPage = answer.headers.get(NEXT_PAGE_HEADER) ?? ''
        return nextPage.trim() === '' ? { connectors } : { connectors, nextPage }
      },
    )
  }

  /** Every connector key the platform knows (`GET /elements/keys`). */
  async keys(): Promise<string[]> {
    return request(this.#context.transport, { method: 'GET', path: 'elements/keys' }, parseKeys)
  }

  /** The descriptor of the connector `keyOrId`: its key or numeric id (`GET /elements/{keyOrId}`). */
  async get(keyOrId: string | number): Promise<InstanceConnector> {
    const path = `elements/${segment('keyOrId', keyOrId)}`
    return request(this.#context.transport, { method: 'GET', path }, parseConnector)
  }

  /**
   * How the connector `keyOrId` is configured (`GET /elements/{keyOrId}/configuration`): every
   * entry with its type, whether it is required, its default and description. With
   * {@link get}, what `connectorFromDescription` builds a connector from.
   */
  async configuration(keyOrId: string | number): Promise<ConnectorConfigurationEntry[]> {
    const path = `elements/${segment('keyOrId', keyOrId)}/configuration`
    return request(this.#context.transport, { method: 'GET', path }, parseConfiguration)
  }
}
