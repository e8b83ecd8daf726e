import type { AfterResponseHook, Hooks, KyInstance, Options } from 'ky'
import { formatAuthorization, RETRYABLE_STATUSES } from '../protocol/index.js'
import { USER_AGENT } from '../version.js'
import type { Transport } from './context.js'
import { guardResponse, shouldRetry } from './guards.js'
import type { HookRequest, PlatformHooks, ResolvedOptions } from './options.js'
import { SecretIndex } from './redact.js'

type KyModule = typeof import('ky')

let loading: Promise<KyModule> | undefined

/**
 * Loads ky on first use. Importing ky makes Node set up its fetch implementation (some 20 ms at
 * start-up); an application that imports plugboard to define or look up connectors, or only
 * provisions later, should not pay that when it starts.
 */
export function loadKy(): Promise<KyModule> {
  loading ??= import('ky')
  return loading
}

const kyInstances = new WeakMap<Transport, () => Promise<KyInstance>>()

/** The transport's ky instance (base URL, Authorization header, timeout, retry policy, hooks, fetch). */
export function kyOf(transport: Transport): Promise<KyInstance> {
  const api = kyInstances.get(transport)
  if (api === undefined) throw new TypeError('Not a transport made by createTransport.')
  return api()
}

function register(transport: Transport, api: () => Promise<KyInstance>): Transport {
  kyInstances.set(transport, api)
  return transport
}

function lazy(create: () => Promise<KyInstance>): () => Promise<KyInstance> {
  let instance: Promise<KyInstance> | undefined
  return () => {
    instance ??= create()
    return instance
  }
}

/** What a caller hook sees of a request: a copy without the Authorization header. */
function hookView(request: Request): HookRequest {
  const headers = new Headers(request.headers)
  headers.delete('authorization')
  return { method: request.method, url: request.url, headers }
}

/**
 * The client's guard (redirects, answer size) first, then the caller's hooks, wrapped so that
 * they observe copies and cannot change the request.
 */
function kyHooks(hooks: PlatformHooks | undefined, guard: AfterResponseHook): Hooks {
  return {
    beforeRequest: (hooks?.beforeRequest ?? []).map((hook) => async ({ request }) => {
      await hook({ request: hookView(request) })
    }),
    afterResponse: [
      guard,
      ...(hooks?.afterResponse ?? []).map(
        (hook): AfterResponseHook =>
          async ({ request, response }) => {
            await hook({
              request: hookView(request),
              response: { status: response.status, headers: new Headers(response.headers) },
            })
          },
      ),
    ],
  }
}

/** The transport of a client: one ky instance with everything every request shares. */
export function createTransport(options: ResolvedOptions): Transport {
  const kyOptions: Options = {
    baseUrl: options.baseUrl,
    timeout: options.timeout,
    totalTimeout: options.totalTimeout,
    // Redirects are the guard's to follow or refuse: fetch would resend a body to another origin.
    redirect: 'manual',
    retry: {
      ...options.retry,
      methods: ['get', 'put', 'head', 'delete'],
      statusCodes: [...RETRYABLE_STATUSES],
      afterStatusCodes: [...RETRYABLE_STATUSES],
      shouldRetry,
    },
    headers: {
      authorization: formatAuthorization({
        user: options.userSecret,
        organization: options.organizationSecret,
      }),
      accept: 'application/json',
      'user-agent':
        options.userAgent === undefined ? USER_AGENT : `${options.userAgent} ${USER_AGENT}`,
    },
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    hooks: kyHooks(options.hooks, guardResponse(options.fetch)),
  }
  const transport: Transport = {
    timeout: options.timeout,
    totalTimeout: options.totalTimeout,
    maxResponseSize: options.maxResponseSize,
    secrets: new SecretIndex(),
    own: [options.userSecret, options.organizationSecret],
  }
  return register(
    transport,
    lazy(() => loadKy().then((ky) => ky.default.create(kyOptions))),
  )
}

/** The transport of an instance client: the same, its Authorization header naming the token. */
export function withToken(
  transport: Transport,
  options: ResolvedOptions,
  token: string,
): Transport {
  const authorization = formatAuthorization({
    user: options.userSecret,
    organization: options.organizationSecret,
    token,
  })
  return register(
    { ...transport, own: [...transport.own, token] },
    lazy(() => kyOf(transport).then((api) => api.extend({ headers: { authorization } }))),
  )
}
