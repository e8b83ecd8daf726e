import { MASK } from '../protocol/facts.js'
import { type Context, showInInspect } from './context.js'
import { InstanceResource } from './instance-resource.js'
import { invalid } from './options.js'
import { parseJsonBody } from './parse.js'
import { type Method, send } from './request.js'

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

/**
 * A client scoped to one instance: its requests carry
 * `Authorization: User <u>, Organization <o>, Element <token>`. Hub calls resolve to the parsed
 * JSON body (`undefined` for an empty body).
 *
 * @group Instances
 */
export class InstanceClient {
  readonly #context: Context
  /** The token-scoped instance routes (`/instances…` without an id). */
  readonly instance: InstanceResource<[]>

  /** @internal Built by `PlatformClient.forInstance`. */
  constructor(context: Context) {
    this.#context = context
    this.instance = new InstanceResource<[]>(context, false)
    showInInspect(
      this,
      `InstanceClient { baseUrl: '${context.options.baseUrl}', token: '${MASK}' }`,
    )
  }

  /**
   * `GET` a hub resource, e.g. `hubs/payment/customers`.
   *
   * @example
   * ```ts
   * const customers = await client.forInstance(instance.token).get('hubs/payment/customers', {
   *   searchParams: { pageSize: 20 },
   * })
   * ```
   */
  get(path: string, options?: HubRequestOptions): Promise<unknown> {
    return this.#call('GET', path, options)
  }

  /** `POST` to a hub resource. Never retried. */
  post(path: string, options?: HubRequestOptions): Promise<unknown> {
    return this.#call('POST', path, options)
  }

  /** `PUT` a hub resource. */
  put(path: string, options?: HubRequestOptions): Promise<unknown> {
    return this.#call('PUT', path, options)
  }

  /** `PATCH` a hub resource. Never retried. */
  patch(path: string, options?: HubRequestOptions): Promise<unknown> {
    return this.#call('PATCH', path, options)
  }

  /** `DELETE` a hub resource. */
  delete(path: string, options?: HubRequestOptions): Promise<unknown> {
    return this.#call('DELETE', path, options)
  }

  async #call(method: Method, path: string, options: HubRequestOptions = {}): Promise<unknown> {
    const answer = await send(this.#context.transport, {
      method,
      path: hubPath(path),
      json: options.json,
      searchParams: hubParams(options.searchParams),
      headers: options.headers,
    })
    return answer.text.trim() === '' ? undefined : parseJsonBody(answer.request, answer.text)
  }
}
