import type { AnyConnector, ConfigurationValue } from '../connector.js'
import type { EventConfiguration } from '../events/configuration.js'
import type {
  ConfigurationEntryRecord,
  Instance,
  InstanceOf,
  InstancePatch,
  InstanceUpdate,
} from '../instance.js'
import type { InstanceEventRecord } from '../protocol/event-schemas.js'
import { connectorField } from '../protocol/vocabulary.js'
import type { ProviderData } from '../provider-data.js'
import { validateUpdateConfiguration } from '../validate-update.js'
import { type Context, configurationSecrets, segment } from './context.js'
import { disableEventsPatch, enableEventsPatch, getEvent, listEvents } from './events.js'
import { invalid } from './options.js'
import { parseConfigurationEntries, parseConfigurationEntry, parseInstance } from './parse.js'
import { checkProviderData, providerDataSecrets } from './provider-data.js'
import { type Method, request, requestNothing } from './request.js'
import { managementSchemas } from './wire.js'

/**
 * An instance id: the platform's numeric id (a string of digits is accepted too).
 *
 * @group Instances
 */
export type InstanceId = number | string

/**
 * How a call names its instance: by id (`[id]`, routes `/instances/{id}…`), or not at all (`[]`)
 * when an instance client's token names it (routes `/instances…`).
 *
 * @group Instances
 */
export type InstanceTarget = [] | [id: InstanceId]

/**
 * The calls on one instance. One resource serves both forms: {@link InstancesResource} takes the
 * instance id first (`client.instances.get(12)`), an instance client's
 * `InstanceResource<[]>` names no id (`client.forInstance(token).instance.get()`).
 *
 * @typeParam Target - what each call takes first to name the instance.
 *
 * @group Instances
 */
export class InstanceResource<Target extends InstanceTarget> {
  readonly #context: Context
  readonly #byId: boolean
  readonly #prefix: string

  /**
   * @internal Built by `createPlatformClient`. `prefix` goes before `instances` in every path
   * (`elements/{keyOrId}/` for the instances under one connector).
   */
  constructor(context: Context, byId: boolean, prefix = '') {
    this.#context = context
    this.#byId = byId
    this.#prefix = prefix
  }

  /** One instance (`GET /instances/{id}`). */
  get(...target: Target): Promise<Instance>
  /** One instance of `connector`, its configuration typed and parsed by the connector's schema. */
  get<C extends AnyConnector>(...args: [...Target, connector: C]): Promise<InstanceOf<C>>
  async get(...args: unknown[]): Promise<Instance<unknown>> {
    const [path, connector] = this.#split(args)
    return this.#instance('GET', path, undefined, connectorArgument(connector))
  }

  /** Replaces an instance (`PUT /instances/{id}`). */
  update(...args: [...Target, body: InstanceUpdate]): Promise<Instance>
  /**
   * Replaces an instance of `connector` (`PUT /instances/{id}`): its configuration is validated
   * first, and nothing is sent when it is refused.
   */
  update<C extends AnyConnector>(
    ...args: [...Target, body: InstanceUpdate, connector: C]
  ): Promise<InstanceOf<C>>
  async update(...args: unknown[]): Promise<Instance<unknown>> {
    const [path, body, connector] = this.#split(args)
    return this.#instance('PUT', path, body, connectorArgument(connector))
  }

  /** Updates some fields of an instance (`PATCH /instances/{id}`); `tags` replaces all tags. */
  patch(...args: [...Target, body: InstancePatch]): Promise<Instance>
  /** Updates some fields of an instance of `connector`, the answer typed by the connector. */
  patch<C extends AnyConnector>(
    ...args: [...Target, body: InstancePatch, connector: C]
  ): Promise<InstanceOf<C>>
  async patch(...args: unknown[]): Promise<Instance<unknown>> {
    const [path, body, connector] = this.#split(args)
    return this.#instance('PATCH', path, body, connectorArgument(connector))
  }

  /**
   * Re-authorises an OAuth instance whose grant was revoked or expired (`PATCH /instances/{id}`
   * with `providerData` alone): run the OAuth flow again (`client.oauth.start`, then
   * `client.oauth.complete`) and hand its result here. The platform exchanges it for new vendor
   * tokens and never echoes it.
   *
   * @example
   * ```ts
   * const flow = await client.oauth.start(sfdc, { apiKey, apiSecret, callbackUrl })
   * // … the end user allows access at flow.url; the vendor redirects to the callback …
   * const providerData = client.oauth.complete(flow, callbackRequestUrl)
   * await client.instances.reauthorize(instance.id, providerData)
   * ```
   */
  reauthorize(...args: [...Target, providerData: ProviderData]): Promise<Instance>
  async reauthorize(...args: unknown[]): Promise<Instance<unknown>> {
    const [path, providerData] = this.#split(args)
    const checked = checkProviderData(providerData)
    return this.#instance('PATCH', path, { providerData: checked }, undefined)
  }

  /** Deletes an instance (`DELETE /instances/{id}`). Its token answers 401 afterwards. */
  delete(...target: Target): Promise<void>
  async delete(...args: unknown[]): Promise<void> {
    const [path] = this.#split(args)
    return requestNothing(this.#context.transport, { method: 'DELETE', path })
  }

  /** An instance's configuration entries (`GET /instances/{id}/configuration`). */
  configuration(...target: Target): Promise<ConfigurationEntryRecord[]>
  async configuration(...args: unknown[]): Promise<ConfigurationEntryRecord[]> {
    const [path] = this.#split(args)
    await managementSchemas.load()
    return request(
      this.#context.transport,
      { method: 'GET', path: `${path}/configuration` },
      parseConfigurationEntries,
    )
  }

  /** One configuration entry, by id or key (`GET /instances/{id}/configuration/{configId}`). */
  getConfiguration(...args: [...Target, configId: InstanceId]): Promise<ConfigurationEntryRecord>
  async getConfiguration(...args: unknown[]): Promise<ConfigurationEntryRecord> {
    const [path, configId] = this.#split(args)
    await managementSchemas.load()
    return request(
      this.#context.transport,
      { method: 'GET', path: `${path}/configuration/${segment('configId', configId)}` },
      parseConfigurationEntry,
    )
  }

  /** Sets one configuration entry (`PATCH /instances/{id}/configuration/{configId}`). */
  setConfiguration(
    ...args: [...Target, configId: InstanceId, propertyValue: ConfigurationValue]
  ): Promise<ConfigurationEntryRecord>
  async setConfiguration(...args: unknown[]): Promise<ConfigurationEntryRecord> {
    const [path, configId, propertyValue] = this.#split(args)
    if (propertyValue !== null && typeof propertyValue !== 'string') {
      invalid('propertyValue', 'propertyValue must be a string or null.')
    }
    await managementSchemas.load()
    return request(
      this.#context.transport,
      {
        method: 'PATCH',
        path: `${path}/configuration/${segment('configId', configId)}`,
        json: { propertyValue },
        secrets: [propertyValue],
      },
      parseConfigurationEntry,
    )
  }

  /** Enables an instance (`PUT /instances/{id}/enabled`). */
  enable(...target: Target): Promise<void>
  async enable(...args: unknown[]): Promise<void> {
    const [path] = this.#split(args)
    return requestNothing(this.#context.transport, { method: 'PUT', path: `${path}/enabled` })
  }

  /** Disables an instance (`DELETE /instances/{id}/enabled`); its hub calls then answer 403. */
  disable(...target: Target): Promise<void>
  async disable(...args: unknown[]): Promise<void> {
    const [path] = this.#split(args)
    return requestNothing(this.#context.transport, { method: 'DELETE', path: `${path}/enabled` })
  }

  /**
   * Turns events on (`PATCH /instances/{id}` with the `event.*` entries of `setup`): the platform
   * then POSTs a notification to `setup.callbackUrl` when objects change at the vendor, signed
   * when `setup.signatureKey` is given. A bad set-up is an `InvalidArgumentError`, and nothing is
   * sent.
   *
   * @example
   * ```ts
   * await client.instances.enableEvents(instance.id, {
   *   mode: 'webhook',
   *   callbackUrl: 'https://app.example.com/platform-events',
   *   signatureKey: process.env.PLUGBOARD_SIGNATURE_KEY,
   * })
   * ```
   */
  enableEvents(...args: [...Target, setup: EventConfiguration]): Promise<Instance>
  async enableEvents(...args: unknown[]): Promise<Instance<unknown>> {
    const [path, setup] = this.#split(args)
    if (typeof setup !== 'object' || setup === null) {
      return invalid('setup', 'The event set-up must be an object ({ mode, callbackUrl, … }).')
    }
    return this.#instance('PATCH', path, enableEventsPatch(setup as EventConfiguration), undefined)
  }

  /** Turns events off (`PATCH /instances/{id}`, `event.notification.enabled: "false"`). */
  disableEvents(...target: Target): Promise<Instance>
  async disableEvents(...args: unknown[]): Promise<Instance<unknown>> {
    const [path] = this.#split(args)
    return this.#instance('PATCH', path, disableEventsPatch(), undefined)
  }

  /** The instance's latest events, oldest first (`GET /instances/{id}/events`). */
  events(...target: Target): Promise<InstanceEventRecord[]>
  async events(...args: unknown[]): Promise<InstanceEventRecord[]> {
    const [path] = this.#split(args)
    return listEvents(this.#context, path)
  }

  /** One event of the instance (`GET /instances/{id}/events/{eventId}`). */
  getEvent(...args: [...Target, eventId: string]): Promise<InstanceEventRecord>
  async getEvent(...args: unknown[]): Promise<InstanceEventRecord> {
    const [path, eventId] = this.#split(args)
    return getEvent(this.#context, path, eventId)
  }

  /** The instance's path (`instances/{id}` or `instances`) and the call's other arguments. */
  #split(args: readonly unknown[]): [string, ...unknown[]] {
    if (!this.#byId) return [`${this.#prefix}instances`, ...args]
    const [id, ...rest] = args
    return [`${this.#prefix}instances/${segment('id', id)}`, ...rest]
  }

  async #instance(
    method: Method,
    path: string,
    body: unknown,
    connector: AnyConnector | undefined,
  ): Promise<Instance<unknown>> {
    const context = this.#context
    const json = method === 'GET' ? undefined : updateBody(context, body, connector, method)
    return request(
      context.transport,
      {
        method,
        path,
        json,
        secrets: [
          ...configurationSecrets(json?.configuration, connector),
          ...providerDataSecrets(json?.providerData),
        ],
      },
      (answer, { request }) =>
        parseInstance(answer, {
          request,
          vocabulary: context.vocabulary,
          connector,
          resolve: context.resolve,
          singletonArray: method === 'GET' && !this.#byId,
        }),
    )
  }
}

function isConnector(value: unknown): value is AnyConnector {
  return typeof value === 'object' && value !== null && 'key' in value && 'config' in value
}

/** The connector a call names, if any; anything else in its place is refused. */
function connectorArgument(value: unknown): AnyConnector | undefined {
  if (value === undefined || isConnector(value)) return value
  return invalid('connector', 'The connector must be a connector definition (defineConnector).')
}

function isUpdate(value: unknown): value is InstancePatch {
  return typeof value === 'object' && value !== null
}

function updateBody(
  context: Context,
  body: unknown,
  connector: AnyConnector | undefined,
  method: Method,
): Record<string, unknown> {
  const full = method === 'PUT'
  if (!isUpdate(body)) {
    return invalid('body', 'The update body must be an object.')
  }
  if (full && (typeof body.name !== 'string' || body.name.trim() === '')) {
    invalid('name', 'A full update needs the instance name (a non-empty string).')
  }
  if (body.providerData !== undefined) checkProviderData(body.providerData)
  if (connector === undefined) return { ...body }
  // What GET returned may be sent back as it is: platform defaults and masked values included.
  const configuration =
    full && body.configuration !== undefined
      ? validateUpdateConfiguration(connector, body.configuration)
      : body.configuration
  return {
    [connectorField(context.vocabulary)]: { key: connector.key },
    ...body,
    ...(configuration === undefined ? {} : { configuration }),
  }
}
