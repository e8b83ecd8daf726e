import type { AnyConnector, ConnectorLookup } from '@plugboard/core'
import type { Vocabulary } from '@plugboard/core/protocol'
import type { Context } from 'hono'
import { hashToken, type SandboxOrganization } from '../auth.js'
import { UNAUTHORIZED_MESSAGE } from '../constants.js'
import type { EventEngine } from '../events/engine.js'
import { HttpError } from '../http-error.js'
import type { OAuthService } from '../oauth/service.js'
import { instanceJson, leanInstanceJson } from '../present.js'
import type { InstanceRecord, SandboxStore } from '../store.js'
import { createOwnerLookup } from '../users.js'

/** The Hono environment of the sandbox's routes. */
export interface SandboxEnv {
  Variables: {
    requestId: string
    organization: SandboxOrganization
    token: string | undefined
  }
}

/** What the routes are built from. */
export interface Dependencies {
  readonly store: SandboxStore
  readonly registry: ConnectorLookup
  readonly organizations: readonly SandboxOrganization[]
  /** The event engine: the log of events, delivery, simulated vendor changes. */
  readonly events: EventEngine
  /** The stand-in vendor of OAuth connectors: consent requests, codes, verifiers. */
  readonly oauth: OAuthService
}

/** The context of one request. */
export type Ctx = Context<SandboxEnv>

const JSON_CONTENT_TYPE = { 'content-type': 'application/json' } as const

/** What every route of one API root uses: its vocabulary, its store and lookups. */
export interface RouteKit extends Dependencies {
  readonly vocabulary: Vocabulary
  /** The registered connector `key`; 404 listing the known keys. */
  connectorOf(key: string): AnyConnector
  /** The instance the route names: by the `id` path parameter, or else by the request's token. */
  target(c: Ctx, allowDisabled?: boolean): InstanceRecord
  /** The instance the request's token names; 401 without a valid token, 403 when disabled. */
  byToken(c: Ctx, allowDisabled?: boolean): InstanceRecord
  /** The connector of a stored instance; 404 when this sandbox no longer serves it. */
  connectorFor(record: InstanceRecord): AnyConnector
  /** Answers 200 with JSON text made by hand (the shape of `presentInstance`, built faster). */
  jsonText(c: Ctx, text: string): Response
  /** The instance as JSON text: its owner from the organizations' users, its token when stored. */
  present(record: InstanceRecord): string
  /** {@link RouteKit.present} for an unhydrated list: no connector descriptor, no cache flags. */
  presentLean(record: InstanceRecord): string
  /** Answers 200 with the instance. */
  answer(c: Ctx, record: InstanceRecord): Response
}

/** The kit of one API root. */
export function createKit(vocabulary: Vocabulary, deps: Dependencies): RouteKit {
  const { store, registry } = deps

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

  const connectorFor = (record: InstanceRecord): AnyConnector => {
    if (!registry.has(record.connectorKey)) {
      throw new HttpError(
        404,
        `Instance ${record.id} belongs to connector "${record.connectorKey}", which this sandbox does not serve.`,
      )
    }
    return registry.resolve(record.connectorKey)
  }

  const jsonText = (c: Ctx, text: string) => c.body(text, 200, JSON_CONTENT_TYPE)
  const ownerOf = createOwnerLookup(deps.organizations)
  const present = (record: InstanceRecord) =>
    instanceJson(
      record,
      connectorFor(record),
      vocabulary,
      ownerOf(record.organization, record.owner),
    )

  return {
    ...deps,
    vocabulary,
    connectorOf,
    target: (c, allowDisabled) =>
      c.req.param('id') === undefined ? byToken(c, allowDisabled) : byId(c),
    byToken,
    connectorFor,
    jsonText,
    present,
    presentLean: (record) =>
      leanInstanceJson(record, connectorFor(record), ownerOf(record.organization, record.owner)),
    answer: (c, record) => jsonText(c, present(record)),
  }
}
