import type { AfterResponseHook, Hooks, KyInstance, Options } from 'ky'
import { formatAuthorization } from '../protocol/authorization.js'
import { RETRYABLE_STATUSES } from '../protocol/facts.js'
import { USER_AGENT } from '../version.js'
import type { Transport } from './context.js'
import { guardedFetch, shouldRetry } from './guards.js'
import type { HookRequest, PlatformHooks, ResolvedOptions } from './options.js'
import { SecretIndex } from './redact.js'
import { answerSchemas } from './wire.js'

type KyModule = typeof import('ky')

let loading: Promise<KyModule> | undefined

/**
 * Loads ky on first use, and with it the wire schemas answers are read with (`answerSchemas`, wire.ts).
 * Importing ky makes Node set up its fetch implementation (some 20 ms at start-up); an
 * application that imports plugboard to define or look up connectors, or only provisions later,
 * should not pay that when it starts, nor build the wire schemas.
 */
export function loadKy(): Promise<KyModule> {
  loading ??= Promise.all([import('ky'), answerSchemas.load()]).then(([ky]) => ky)
  return loading
}

/**
 * The two ky instances of a transport: one with the retry policy (GET, PUT, DELETE), one that
 * never retries (POST, PATCH), so that no request carries a retry option of its own and ky never
 * copies a body for a retry that cannot happen.
 */
export interface KyPair {
  /** ky's module, for its error guards. */
  readonly ky: KyModule
  /** For the methods the retry policy may repeat. */
  readonly retried: KyInstance
  /** For POST and PATCH. */
  readonly once: KyInstance
}

/** A transport's ky instances: made on first use, then handed out without a wait. */
interface LazyPair {
  readonly get: () => Promise<KyPair>
  ready?: KyPair
}

const kyInstances = new WeakMap<Transport, LazyPair>()

/**
 * The transport's ky instances (Authorization header, timeouts, retry policy, hooks, guarded
 * fetch): at once when they are made, else a promise of them.
 */
export function kyOf(transport: Transport): KyPair | Promise<KyPair> {
  const api = kyInstances.get(transport)
  if (api === undefined) throw new TypeError('Not a transport made by createTransport.')
  return api.ready ?? api.get()
}

function register(transport: Transport, create: () => Promise<KyPair>): Transport {
  let making: Promise<KyPair> | undefined
  const api: LazyPair = {
    get: () => {
      making ??= create().then((made) => {
        api.ready = made
        return made
      })
      return making
    },
  }
  kyInstances.set(transport, api)
  return transport
}

function pair(ky: KyModule, retried: KyInstance): KyPair {
  return { ky, retried, once: retried.extend({ retry: 0 }) }
}

/** What a caller hook sees of a request: a copy without the Authorization header. */
function hookView(request: Request): HookRequest {
  const headers = new Headers(request.headers)
  headers.delete('authorization')
  return { method: request.method, url: request.url, headers }
}

/**
 * The caller's hooks, wrapped so that they observe copies and cannot change the request. None
 * when the caller gave none: ky then copies no answer for a hook.
 */
function kyHooks(hooks: PlatformHooks | undefined): Hooks | undefined {
  const before = hooks?.beforeRequest ?? []
  const after = hooks?.afterResponse ?? []
  if (before.length === 0 && after.length === 0) return undefined
  return {
    beforeRequest: before.map((hook) => async ({ request }) => {
      await hook({ request: hookView(request) })
    }),
    afterResponse: after.map(
      (hook): AfterResponseHook =>
        async ({ request, response }) => {
          await hook({
            request: hookView(request),
            response: { status: response.status, headers: new Headers(response.headers) },
          })
        },
    ),
  }
}

/**
 * The transport of a client: ky instances made once with everything every request shares. The
 * base URL is not among them: requests name absolute URLs, so ky builds no Request per call to
 * resolve a relative one.
 */
export function createTransport(options: ResolvedOptions): Transport {
  const hooks = kyHooks(options.hooks)
  const kyOptions: Options = {
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
    fetch: guardedFetch(options.fetch),
    ...(hooks === undefined ? {} : { hooks }),
  }
  const transport: Transport = {
    baseUrl: options.baseUrl,
    timeout: options.timeout,
    totalTimeout: options.totalTimeout,
    maxResponseSize: options.maxResponseSize,
    secrets: new SecretIndex(),
    own: [options.userSecret, options.organizationSecret],
  }
  return register(transport, () => loadKy().then((ky) => pair(ky, ky.default.create(kyOptions))))
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
  return register({ ...transport, own: [...transport.own, token] }, async () => {
    const api = await kyOf(transport)
    return pair(api.ky, api.retried.extend({ headers: { authorization } }))
  })
}
