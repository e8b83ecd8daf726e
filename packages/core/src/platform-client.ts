import type { Hooks, Options as KyOptions } from 'ky'
import { secretKeys } from './config-entries.js'
import type { AnyConnector, ConfigurationOf, ConfigurationValue } from './connector.js'
import { InvalidArgumentError, ResponseValidationError } from './errors.js'
import { type Method, type SendOptions, send, type Transport } from './http.js'
import type {
  ConfigurationEntryRecord,
  Instance,
  InstanceConnector,
  InstanceOf,
  InstancePage,
  InstancePatch,
  InstanceUpdate,
  ListInstancesQuery,
  ProvisionedInstance,
  ProvisionRequest,
} from './instance.js'
import { extendLazyKy, lazyKy } from './ky-loader.js'
import {
  parseConfigurationEntries,
  parseConfigurationEntry,
  parseConnector,
  parseInstance,
  parseInstances,
  parseJsonBody,
} from './parse-response.js'
import { REDACTED } from './redact.js'
import { validateConfiguration } from './validate-configuration.js'
import { USER_AGENT } from './version.js'
import { connectorField, DEFAULT_VOCABULARY, VOCABULARIES, type Vocabulary } from './vocabulary.js'

const inspectCustom = Symbol.for('nodejs.util.inspect.custom')

/**
 * The response header that carries the token of the next page of `GET /instances`.
 *
 * @group Protocol
 */
export const NEXT_PAGE_HEADER = 'elements-next-page-token'

/**
 * The statuses an idempotent request is retried on (honouring `Retry-After` when sent).
 *
 * @group Protocol
 */
export const RETRY_STATUS_CODES: readonly number[] = [408, 429, 500, 502, 503, 504]

/**
 * The retry policy of idempotent requests (GET, PUT, DELETE, HEAD). POST and PATCH never retry.
 *
 * @group Provisioning
 */
export interface PlatformRetryOptions {
  /** How many times a failed idempotent request is retried. Default 2. */
  readonly limit?: number | undefined
  /** The upper limit of the exponential backoff delay in milliseconds. Default 10 000. */
  readonly backoffLimit?: number | undefined
  /** The upper limit of a delay the server asks for with `Retry-After`, in milliseconds. Default 60 000. */
  readonly maxRetryAfter?: number | undefined
}

/**
 * A set of connectors the client looks an instance's connector up in (a {@link Registry} fits).
 *
 * @group Provisioning
 */
export interface ConnectorLookup {
  /** Whether a connector is known under `key`. */
  has(key: string): boolean
  /** The connector known under `key`. */
  resolve(key: string): AnyConnector
}

/**
 * The options of {@link createPlatformClient}.
 *
 * @group Provisioning
 */
export interface PlatformClientOptions {
  /**
   * The platform API root, e.g. `https://api.cloud-your_moms.com/your_moms/api-v2` or a local
   * sandbox's `http://127.0.0.1:PORT/your_moms/api-v2`. A trailing slash is added when missing.
   */
  readonly baseUrl: string | URL
  /** The user secret. Sent in the Authorization header; redacted from every error message. */
  readonly userSecret: string
  /** The organization secret. Sent in the Authorization header; redacted from every error message. */
  readonly organizationSecret: string
  /** The wire vocabulary: `'your_mom'` (the spec's, default) or `'element'`. */
  readonly vocabulary?: Vocabulary | undefined
  /** The timeout of each attempt in milliseconds. Default 10 000. */
  readonly timeout?: number | undefined
  /** The retry policy of idempotent requests, or a retry limit. `0` turns retries off. */
  readonly retry?: PlatformRetryOptions | number | undefined
  /** The fetch implementation (for tests, proxies, instrumentation). Default: the global fetch. */
  readonly fetch?: KyOptions['fetch'] | undefined
  /**
   * ky hooks run on every request. They see the outgoing request and so its Authorization
   * header: never log a request's headers from a hook.
   */
  readonly hooks?: Hooks | undefined
  /** A product token sent before plugboard's own in `User-Agent`, e.g. `my-app/1.2.0`. */
  readonly userAgent?: string | undefined
  /**
   * Connectors to parse instances with when a call names none (a {@link Registry}): an instance
   * whose connector key is known has its configuration checked by that connector's schema.
   */
  readonly registry?: ConnectorLookup | undefined
}

/**
 * An instance id: the platform's numeric id (a string of digits is accepted too).
 *
 * @group Instances
 */
export type InstanceId = number | string

/**
 * The calls on instances by id (`/instances…`) with the platform's user and organization secrets.
 *
 * @group Instances
 */
export interface InstancesApi {
  /**
   * One page of instances (`GET /instances`).
   *
   * @example
   * ```ts
   * const first = await client.instances.list({ tags: ['billing'], pageSize: 50 })
   * const second = first.nextPage ? await client.instances.list({ nextPage: first.nextPage }) : undefined
   * ```
   */
  list(query?: ListInstancesQuery): Promise<InstancePage>
  /**
   * Every instance, page after page (following the next-page token).
   *
   * @example
   * ```ts
   * for await (const instance of client.instances.iterate({ tags: ['billing'] })) {
   *   console.log(instance.id, instance.name)
   * }
   * ```
   */
  iterate(query?: ListInstancesQuery): AsyncGenerator<Instance, void, undefined>
  /** One instance (`GET /instances/{id}`). */
  get(id: InstanceId): Promise<Instance>
  /** One instance of `connector`, its configuration typed and parsed by the connector's schema. */
  get<C extends AnyConnector>(id: InstanceId, connector: C): Promise<InstanceOf<C>>
  /** Replaces an instance (`PUT /instances/{id}`). */
  update(id: InstanceId, body: InstanceUpdate): Promise<Instance>
  /**
   * Replaces an instance of `connector` (`PUT /instances/{id}`): its configuration is validated
   * first, and nothing is sent when it is refused.
   */
  update<C extends AnyConnector>(
    id: InstanceId,
    body: InstanceUpdate,
    connector: C,
  ): Promise<InstanceOf<C>>
  /** Updates some fields of an instance (`PATCH /instances/{id}`); `tags` replaces all tags. */
  patch(id: InstanceId, body: InstancePatch): Promise<Instance>
  /** Updates some fields of an instance of `connector`, the answer typed by the connector. */
  patch<C extends AnyConnector>(
    id: InstanceId,
    body: InstancePatch,
    connector: C,
  ): Promise<InstanceOf<C>>
  /** Deletes an instance (`DELETE /instances/{id}`). Its token answers 401 afterwards. */
  delete(id: InstanceId): Promise<void>
  /** An instance's configuration entries (`GET /instances/{id}/configuration`). */
  configuration(id: InstanceId): Promise<ConfigurationEntryRecord[]>
  /** Sets one configuration entry (`PATCH /instances/{id}/configuration/{configId}`). */
  setConfiguration(
    id: InstanceId,
    configId: InstanceId,
    propertyValue: ConfigurationValue,
  ): Promise<ConfigurationEntryRecord>
  /** Enables an instance (`PUT /instances/{id}/enabled`). */
  enable(id: InstanceId): Promise<void>
  /** Disables an instance (`DELETE /instances/{id}/enabled`); its hub calls then answer 403. */
  disable(id: InstanceId): Promise<void>
}

/**
 * The calls on the instance named by an instance client's token (`/instances…` without an id).
 *
 * @group Instances
 */
export interface CurrentInstanceApi {
  /** The instance (`GET /instances`). */
  get(): Promise<Instance>
  /** The instance, its configuration typed and parsed by `connector`'s schema. */
  get<C extends AnyConnector>(connector: C): Promise<InstanceOf<C>>
  /** Replaces the instance (`PUT /instances`). */
  update(body: InstanceUpdate): Promise<Instance>
  /** Replaces the instance, validating the configuration against `connector` first. */
  update<C extends AnyConnector>(body: InstanceUpdate, connector: C): Promise<InstanceOf<C>>
  /** Updates some fields of the instance (`PATCH /instances`); `tags` replaces all tags. */
  patch(body: InstancePatch): Promise<Instance>
  /** Updates some fields of the instance, the answer typed by `connector`. */
  patch<C extends AnyConnector>(body: InstancePatch, connector: C): Promise<InstanceOf<C>>
  /** Deletes the instance (`DELETE /instances`). */
  delete(): Promise<void>
  /** The instance's configuration entries (`GET /instances/configuration`). */
  configuration(): Promise<ConfigurationEntryRecord[]>
  /** Sets one configuration entry (`PATCH /instances/configuration/{configId}`). */
  setConfiguration(
    configId: InstanceId,
    propertyValue: ConfigurationValue,
  ): Promise<ConfigurationEntryRecord>
  /** Enables the instance (`PUT /instances/enabled`). */
  enable(): Promise<void>
  /** Disables the instance (`DELETE /instances/enabled`). */
  disable(): Promise<void>
}

/**
 * The options of a hub call.
 *
 * @group Instances
 */
export interface HubRequestOptions {
  /** Query parameters. */
  readonly searchParams?:
    | URLSearchParams
    | Readonly<Record<string, string | number | boolean>>
    | undefined
  /** A JSON body. */
  readonly json?: unknown
  /** Extra headers. `Authorization` cannot be overridden. */
  readonly headers?: Readonly<Record<string, string>> | undefined
}

/**
 * A client scoped to one instance: its requests carry
 * `Authorization: User <u>, Organization <o>, Element <token>`.
 *
 * @group Instances
 */
export interface InstanceClient {
  /**
   * `GET` a hub resource, e.g. `hubs/payment/customers`; resolves to the parsed JSON body
   * (`undefined` for an empty body).
   *
   * @example
   * ```ts
   * const customers = await client.forInstance(instance.token).get('hubs/payment/customers', {
   *   searchParams: { pageSize: 20 },
   * })
   * ```
   */
  get(path: string, options?: HubRequestOptions): Promise<unknown>
  /** `POST` to a hub resource; resolves to the parsed JSON body. Never retried. */
  post(path: string, options?: HubRequestOptions): Promise<unknown>
  /** `PUT` a hub resource; resolves to the parsed JSON body. */
  put(path: string, options?: HubRequestOptions): Promise<unknown>
  /** `PATCH` a hub resource; resolves to the parsed JSON body. Never retried. */
  patch(path: string, options?: HubRequestOptions): Promise<unknown>
  /** `DELETE` a hub resource; resolves to the parsed JSON body. */
  delete(path: string, options?: HubRequestOptions): Promise<unknown>
  /** The token-scoped instance routes (`/instances…` without an id). */
  readonly instance: CurrentInstanceApi
}

/**
 * A client for the platform's instances API. Build one with {@link createPlatformClient}.
 *
 * @group Provisioning
 */
export interface PlatformClient {
  /** The normalized base URL (with a trailing slash). */
  readonly baseUrl: string
  /** The wire vocabulary the client speaks. */
  readonly vocabulary: Vocabulary
  /**
   * Provisions an instance of `connector` (`POST /instances`). The configuration is validated
   * first: when an entry is missing, invalid or unknown, a {@link ConfigurationError} names every
   * one of them and nothing is sent. POST is never retried automatically.
   *
   * @example
   * ```ts
   * const instance = await client.provision(chargebee, {
   *   name: 'Acme billing',
   *   configuration: { site: 'acme-test', username: process.env.CHARGEBEE_API_KEY ?? '' },
   *   tags: ['billing'],
   * })
   * saveToken(instance.id, instance.token) // keep it: later calls on the instance need it
   * ```
   */
  provision<C extends AnyConnector>(
    connector: C,
    request: NoInfer<ProvisionRequest<C>>,
  ): Promise<ProvisionedInstance<C>>
  /** The calls on instances by id. */
  readonly instances: InstancesApi
  /** The platform's connector descriptors. */
  readonly connectors: {
    /** The descriptor of the connector `key` (`GET /elements/{key}`). */
    get(key: string): Promise<InstanceConnector>
  }
  /**
   * A client scoped to the instance whose token is given: for hub calls and the token-scoped
   * instance routes.
   */
  forInstance(token: string): InstanceClient
}

function invalid(argument: string, message: string): never {
  throw new InvalidArgumentError(argument, message)
}

function checkSecret(argument: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    invalid(argument, `${argument} must be a non-empty string.`)
  }
  if (/[\r\n,]/.test(value)) {
    invalid(argument, `${argument} must not contain a comma or a line break.`)
  }
  return value
}

function normalizeBaseUrl(value: unknown): URL {
  let url: URL
  try {
    url = new URL(String(value))
  } catch {
    return invalid('baseUrl', 'baseUrl must be an absolute http(s) URL, e.g. https://host/api-v2.')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    invalid('baseUrl', `baseUrl must be an http(s) URL, not ${url.protocol}.`)
  }
  if (url.username !== '' || url.password !== '') {
    invalid('baseUrl', 'baseUrl must not carry credentials; pass the secrets as options.')
  }
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`
  url.search = ''
  url.hash = ''
  return url
}

function positive(argument: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    invalid(argument, `${argument} must be a finite, non-negative number of milliseconds.`)
  }
  return value
}

function retryOptions(retry: PlatformClientOptions['retry']): KyOptions['retry'] {
  const options = typeof retry === 'number' ? { limit: retry } : (retry ?? {})
  const limit = options.limit ?? 2
  if (!Number.isInteger(limit) || limit < 0) {
    invalid('retry.limit', 'retry.limit must be a non-negative integer.')
  }
  return {
    limit,
    methods: ['get', 'put', 'head', 'delete'],
    statusCodes: [...RETRY_STATUS_CODES],
    afterStatusCodes: [...RETRY_STATUS_CODES],
    backoffLimit: positive('retry.backoffLimit', options.backoffLimit, 10_000),
    maxRetryAfter: positive('retry.maxRetryAfter', options.maxRetryAfter, 60_000),
  }
}

/** A body as JSON when it parses, else as the text it was. */
function rawBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

function segment(argument: string, value: InstanceId): string {
  const text = String(value)
  if ((typeof value !== 'number' && typeof value !== 'string') || text.trim() === '') {
    invalid(argument, `${argument} must be a number or a non-empty string.`)
  }
  return encodeURIComponent(text)
}

/** The values of a configuration to redact: secret entries' values, or all when unknown. */
function configurationSecrets(
  configuration: unknown,
  connector: AnyConnector | undefined,
): string[] {
  if (typeof configuration !== 'object' || configuration === null) return []
  const keys = connector === undefined ? undefined : secretKeys(connector)
  return Object.entries(configuration)
    .filter(([key, value]) => typeof value === 'string' && (keys === undefined || keys.has(key)))
    .map(([, value]) => value as string)
}

interface Context {
  readonly transport: Transport
  readonly vocabulary: Vocabulary
  readonly registry: ConnectorLookup | undefined
}

function resolver(context: Context): (key: string) => AnyConnector | undefined {
  return (key) => (context.registry?.has(key) === true ? context.registry.resolve(key) : undefined)
}

async function readInstance(
  context: Context,
  options: SendOptions,
  connector: AnyConnector | undefined,
): Promise<Instance<unknown>> {
  const result = await send(context.transport, options)
  return parseInstance(parseJsonBody(result.request, result.text), {
    request: result.request,
    vocabulary: context.vocabulary,
    connector,
    resolve: resolver(context),
  })
}

function updateBody(
  context: Context,
  body: InstancePatch,
  connector: AnyConnector | undefined,
  full: boolean,
): Record<string, unknown> {
  if (typeof body !== 'object' || body === null) {
    invalid('body', 'The update body must be an object.')
  }
  if (full && (typeof body.name !== 'string' || body.name.trim() === '')) {
    invalid('name', 'A full update needs the instance name (a non-empty string).')
  }
  if (connector === undefined) return { ...body }
  const configuration =
    full && body.configuration !== undefined
      ? validateConfiguration(connector, body.configuration)
      : body.configuration
  return {
    [connectorField(context.vocabulary)]: { key: connector.key },
    ...body,
    ...(configuration === undefined ? {} : { configuration }),
  }
}

/** The instance routes under `base` (`instances/{id}` or, token-scoped, `instances`). */
function instanceRoutes(context: Context, base: string) {
  const write = async (
    method: Method,
    body: InstancePatch,
    connector: AnyConnector | undefined,
  ): Promise<Instance<unknown>> => {
    const json = updateBody(context, body, connector, method === 'PUT')
    return readInstance(
      context,
      { method, path: base, json, secrets: configurationSecrets(json.configuration, connector) },
      connector,
    )
  }
  return {
    get: (connector?: AnyConnector) =>
      readInstance(context, { method: 'GET', path: base }, connector),
    update: (body: InstanceUpdate, connector?: AnyConnector) => write('PUT', body, connector),
    patch: (body: InstancePatch, connector?: AnyConnector) => write('PATCH', body, connector),
    delete: async (): Promise<void> => {
      await send(context.transport, { method: 'DELETE', path: base })
    },
    configuration: async (): Promise<ConfigurationEntryRecord[]> => {
      const result = await send(context.transport, { method: 'GET', path: `${base}/configuration` })
      return parseConfigurationEntries(result.request, parseJsonBody(result.request, result.text))
    },
    setConfiguration: async (
      configId: InstanceId,
      propertyValue: ConfigurationValue,
    ): Promise<ConfigurationEntryRecord> => {
      if (propertyValue !== null && typeof propertyValue !== 'string') {
        invalid('propertyValue', 'propertyValue must be a string or null.')
      }
      const result = await send(context.transport, {
        method: 'PATCH',
        path: `${base}/configuration/${segment('configId', configId)}`,
        json: { propertyValue },
        secrets: [propertyValue],
      })
      return parseConfigurationEntry(result.request, parseJsonBody(result.request, result.text))
    },
    enable: async (): Promise<void> => {
      await send(context.transport, { method: 'PUT', path: `${base}/enabled` })
    },
    disable: async (): Promise<void> => {
      await send(context.transport, { method: 'DELETE', path: `${base}/enabled` })
    },
  }
}

function listParams(query: ListInstancesQuery): URLSearchParams {
  const params = new URLSearchParams()
  if (query.tags !== undefined) {
    if (!Array.isArray(query.tags) || query.tags.some((tag) => typeof tag !== 'string')) {
      invalid('tags', 'tags must be an array of strings.')
    }
    for (const tag of query.tags) params.append('tags[]', tag)
  }
  if (query.searchText !== undefined) params.set('searchText', String(query.searchText))
  if (query.pageSize !== undefined) {
    if (!Number.isInteger(query.pageSize) || query.pageSize < 1) {
      invalid('pageSize', 'pageSize must be a positive integer.')
    }
    params.set('pageSize', String(query.pageSize))
  }
  if (query.nextPage !== undefined && query.nextPage !== '') {
    params.set('nextPage', String(query.nextPage))
  }
  return params
}

function instancesApi(context: Context): InstancesApi {
  const routes = (id: InstanceId) => instanceRoutes(context, `instances/${segment('id', id)}`)
  const list = async (query: ListInstancesQuery = {}): Promise<InstancePage> => {
    const result = await send(context.transport, {
      method: 'GET',
      path: 'instances',
      searchParams: listParams(query),
    })
    const instances = parseInstances(parseJsonBody(result.request, result.text), {
      request: result.request,
      vocabulary: context.vocabulary,
      resolve: resolver(context),
    }) as Instance[]
    const nextPage = result.headers.get(NEXT_PAGE_HEADER) ?? ''
    return nextPage.trim() === '' ? { instances } : { instances, nextPage }
  }
  const api = {
    list,
    async *iterate(query: ListInstancesQuery = {}): AsyncGenerator<Instance, void, undefined> {
      const seen = new Set<string>()
      let nextPage = query.nextPage
      for (;;) {
        const page = await list({ ...query, nextPage })
        yield* page.instances
        if (page.nextPage === undefined || seen.has(page.nextPage)) return
        seen.add(page.nextPage)
        nextPage = page.nextPage
      }
    },
    get: async (id: InstanceId, connector?: AnyConnector) => routes(id).get(connector),
    update: async (id: InstanceId, body: InstanceUpdate, connector?: AnyConnector) =>
      routes(id).update(body, connector),
    patch: async (id: InstanceId, body: InstancePatch, connector?: AnyConnector) =>
      routes(id).patch(body, connector),
    delete: async (id: InstanceId) => routes(id).delete(),
    configuration: async (id: InstanceId) => routes(id).configuration(),
    setConfiguration: async (id: InstanceId, configId: InstanceId, value: ConfigurationValue) =>
      routes(id).setConfiguration(configId, value),
    enable: async (id: InstanceId) => routes(id).enable(),
    disable: async (id: InstanceId) => routes(id).disable(),
  }
  return api as InstancesApi
}

function hubPath(path: unknown): string {
  if (typeof path !== 'string' || path.trim() === '') {
    invalid('path', 'The path must be a non-empty string, e.g. "hubs/payment/customers".')
  }
  const relative = path.replace(/^\/+/, '')
  if (/^[a-z][a-z0-9+.-]*:/i.test(relative)) {
    invalid('path', 'The path must be relative to the base URL, not an absolute URL.')
  }
  return relative
}

function hubParams(searchParams: HubRequestOptions['searchParams']): URLSearchParams | undefined {
  if (searchParams === undefined) return undefined
  if (searchParams instanceof URLSearchParams) return searchParams
  return new URLSearchParams(
    Object.entries(searchParams).map(([key, value]) => [key, String(value)]),
  )
}

function instanceClient(context: Context, baseUrl: string): InstanceClient {
  const hub =
    (method: Method) =>
    async (path: string, options: HubRequestOptions = {}): Promise<unknown> => {
      const result = await send(context.transport, {
        method,
        path: hubPath(path),
        json: options.json,
        searchParams: hubParams(options.searchParams),
        headers: options.headers,
      })
      return result.text.trim() === '' ? undefined : parseJsonBody(result.request, result.text)
    }
  const client = {
    get: hub('GET'),
    post: hub('POST'),
    put: hub('PUT'),
    patch: hub('PATCH'),
    delete: hub('DELETE'),
    instance: instanceRoutes(context, 'instances') as CurrentInstanceApi,
  }
  Object.defineProperty(client, inspectCustom, {
    enumerable: false,
    value: () => `InstanceClient { baseUrl: '${baseUrl}', token: '${REDACTED}' }`,
  })
  return client
}

/**
 * Creates a client for the platform's instances API: one ky instance with the base URL, the
 * `Authorization: User <u>, Organization <o>` header (sent as-is), JSON, a per-attempt timeout, a
 * retry policy for idempotent requests, your hooks and an injectable fetch.
 *
 * Errors: {@link PlatformError} (an error status), {@link TimeoutError}, {@link NetworkError},
 * {@link ResponseValidationError} (a 2xx body of the wrong shape), {@link ConfigurationError}
 * (refused before sending) and {@link InvalidArgumentError}. Secrets never appear in their
 * messages nor in `util.inspect` of the client.
 *
 * @example
 * ```ts
 * import { createPlatformClient, createRegistry } from '@plugboard/core'
 * import { chargebee } from '@plugboard/connector-chargebee'
 *
 * const client = createPlatformClient({
 *   baseUrl: 'https://api.cloud-your_moms.com/your_moms/api-v2',
 *   userSecret: process.env.PLUGBOARD_USER_SECRET ?? '',
 *   organizationSecret: process.env.PLUGBOARD_ORGANIZATION_SECRET ?? '',
 *   registry: createRegistry().register(chargebee),
 * })
 * const instance = await client.provision(chargebee, {
 *   name: 'Acme billing',
 *   configuration: { site: 'acme-test', username: process.env.CHARGEBEE_API_KEY ?? '' },
 * })
 * const customers = await client.forInstance(instance.token).get('hubs/payment/customers')
 * ```
 *
 * @group Provisioning
 */
export function createPlatformClient(options: PlatformClientOptions): PlatformClient {
  if (typeof options !== 'object' || options === null) {
    invalid('options', 'createPlatformClient needs an options object.')
  }
  const baseUrl = normalizeBaseUrl(options.baseUrl).href
  const userSecret = checkSecret('userSecret', options.userSecret)
  const organizationSecret = checkSecret('organizationSecret', options.organizationSecret)
  const vocabulary = options.vocabulary ?? DEFAULT_VOCABULARY
  if (!VOCABULARIES.includes(vocabulary)) {
    invalid('vocabulary', `vocabulary must be one of: ${VOCABULARIES.join(', ')}.`)
  }
  const timeout = positive('timeout', options.timeout, 10_000)
  if (timeout === 0) invalid('timeout', 'timeout must be greater than 0.')
  if (options.userAgent !== undefined && /[\r\n]/.test(options.userAgent)) {
    invalid('userAgent', 'userAgent must not contain a line break.')
  }
  const authorization = `User ${userSecret}, Organization ${organizationSecret}`
  const api = lazyKy({
    baseUrl,
    timeout,
    retry: retryOptions(options.retry),
    headers: {
      authorization,
      accept: 'application/json',
      'user-agent':
        options.userAgent === undefined ? USER_AGENT : `${options.userAgent} ${USER_AGENT}`,
    },
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.hooks === undefined ? {} : { hooks: options.hooks }),
  })
  // Shared by the client and its instance clients: tokens seen later are redacted everywhere.
  const secrets = new Set([userSecret, organizationSecret])
  const context: Context = {
    transport: { api, timeout, secrets },
    vocabulary,
    registry: options.registry,
  }

  const client: PlatformClient = {
    baseUrl,
    vocabulary,
    async provision<C extends AnyConnector>(
      connector: C,
      request: ProvisionRequest<C>,
    ): Promise<ProvisionedInstance<C>> {
      if (typeof request !== 'object' || request === null) {
        invalid('request', 'provision needs { name, configuration }.')
      }
      if (typeof request.name !== 'string' || request.name.trim() === '') {
        invalid('name', 'The instance name must be a non-empty string.')
      }
      if (
        request.tags !== undefined &&
        (!Array.isArray(request.tags) || request.tags.some((tag) => typeof tag !== 'string'))
      ) {
        invalid('tags', 'tags must be an array of strings.')
      }
      const configuration = validateConfiguration(
        connector,
        request.configuration as ConfigurationOf<C>,
      )
      for (const value of configurationSecrets(configuration, connector)) secrets.add(value)
      const body = {
        [connectorField(vocabulary)]: { key: connector.key },
        configuration,
        ...(request.tags === undefined ? {} : { tags: [...request.tags] }),
        name: request.name,
        ...(request.providerData === undefined ? {} : { providerData: request.providerData }),
      }
      const result = await send(context.transport, {
        method: 'POST',
        path: 'instances',
        json: body,
        secrets: [
          ...configurationSecrets(configuration, connector),
          ...(request.providerData === undefined ? [] : [request.providerData.code]),
        ],
      })
      let instance: ProvisionedInstance<C>
      try {
        instance = parseInstance(parseJsonBody(result.request, result.text), {
          request: result.request,
          vocabulary,
          connector,
          requireToken: true,
        }) as ProvisionedInstance<C>
      } catch (error) {
        if (!ResponseValidationError.isInstance(error)) throw error
        // The instance may well exist: hand the caller all the platform sent, token included.
        const body = rawBody(result.text)
        const token = (body as { token?: unknown } | undefined)?.token
        if (typeof token === 'string' && token !== '') secrets.add(token)
        throw error.withBody(body)
      }
      secrets.add(instance.token)
      return instance
    },
    instances: instancesApi(context),
    connectors: {
      async get(key: string): Promise<InstanceConnector> {
        const path = `elements/${segment('key', key)}`
        const result = await send(context.transport, { method: 'GET', path })
        return parseConnector(result.request, parseJsonBody(result.request, result.text))
      },
    },
    forInstance(token: string): InstanceClient {
      const checked = checkSecret('token', token)
      secrets.add(checked)
      const scoped: Context = {
        ...context,
        transport: {
          api: extendLazyKy(api, {
            headers: { authorization: `${authorization}, Element ${checked}` },
          }),
          timeout,
          secrets,
        },
      }
      return instanceClient(scoped, baseUrl)
    },
  }
  Object.defineProperty(client, inspectCustom, {
    enumerable: false,
    value: () => `PlatformClient { baseUrl: '${baseUrl}', vocabulary: '${vocabulary}' }`,
  })
  return client
}
