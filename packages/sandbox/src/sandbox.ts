import { randomUUID } from 'node:crypto'
import { inspect } from 'node:util'
import { type ConnectorLookup, validateConfiguration } from '@plugboard/core'
import { API_ROOTS, type Vocabulary } from '@plugboard/core/protocol'
import { Hono } from 'hono'
import type { SandboxOrganization } from './auth.js'
import { bodyReader } from './body-reader.js'
import { loadCatalogue } from './catalogue/catalogue.js'
import { withCatalogue } from './catalogue/lookup.js'
import { connectorFacts } from './connector-facts.js'
import {
  HEALTH_PATH,
  MAX_BODY_BYTES,
  REQUEST_ID_HEADER,
  SANDBOX_ORGANIZATION_ID,
  SANDBOX_ORGANIZATION_SECRET,
  SANDBOX_USER_SECRET,
} from './constants.js'
import type { EventEngine } from './events/engine.js'
import { openSandboxEvents, type SandboxEventOptions } from './events/wiring.js'
import { HttpError } from './http-error.js'
import { BUSY_RETRY_AFTER_SECONDS, DEFAULT_BODY_TIMEOUT_MS } from './limits.js'
import { consentRoutes } from './oauth/consent.js'
import { createOAuthService, type SandboxOAuthOptions } from './oauth/service.js'
import { createDefaultRegistry } from './registry.js'
import { createApi } from './routes/api.js'
import type { SandboxEnv } from './routes/kit.js'
import { methodNotAllowed } from './routes/resource.js'
import { isDatabaseBusy, SandboxStore, type StoredConfiguration } from './store.js'
import { SANDBOX_DEFAULT_USER } from './users.js'

/** Options of {@link createSandbox}. */
export interface SandboxOptions {
  /**
   * Where the instances live: a SQLite file path (created when missing, WAL mode) or
   * `':memory:'` (the default: gone when the sandbox closes).
   */
  readonly database?: string | undefined
  /** The connectors the sandbox serves; {@link createDefaultRegistry} by default. */
  readonly registry?: ConnectorLookup | undefined
  /**
   * Whether the sandbox also serves the platform's catalogue (`GET /elements…`) and provisions
   * every catalogued connector without a package, validated by its catalogue description (a
   * package takes precedence). `true` by default.
   */
  readonly catalogue?: boolean | undefined
  /**
   * The organizations the sandbox knows, their secrets and their users (each entry's `user` owns
   * the instances its secrets provision, and instance answers name them as `user`); by default
   * one development organization with {@link SANDBOX_USER_SECRET} and
   * {@link SANDBOX_ORGANIZATION_SECRET}, whose user is {@link SANDBOX_DEFAULT_USER}.
   */
  readonly organizations?: readonly SandboxOrganization[] | undefined
  /**
   * Called with an error the sandbox did not expect (a bug: the client gets a 500 that says
   * nothing more). Nothing is logged by default; the bin prints the request id and the error.
   */
  readonly onUnexpectedError?: ((error: unknown, requestId: string) => void) | undefined
  /**
   * How long a request body may take to arrive, in milliseconds, counted from the request's
   * start; past it the sandbox answers 408 and closes the connection.
   * {@link DEFAULT_BODY_TIMEOUT_MS} (10 s) by default.
   */
  readonly bodyTimeoutMs?: number | undefined
  /**
   * Called with the request id when a client goes away before its request body has arrived whole.
   * Such a request is not a failure of the sandbox: nothing is logged by default, and the bin
   * stays quiet.
   */
  readonly onClientAbort?: ((requestId: string) => void) | undefined
  /**
   * The key that seals secret configuration values in the database (AES-256-GCM): 32 bytes, or
   * their base64. By default the `PLUGBOARD_SANDBOX_KEY` environment variable, else, for a file
   * database, the key file beside it (`<database>.key`, created 0600 with a random key); a memory
   * database gets a random key.
   */
  readonly encryptionKey?: string | Uint8Array | undefined
  /**
   * How event deliveries are retried and how long a poller minute lasts (tests shorten both);
   * see `docs/events.md` for the defaults.
   */
  readonly events?: SandboxEventOptions | undefined
  /**
   * How the stand-in vendor of OAuth connectors behaves: how long codes live, and its clock
   * (tests move it to expire a code); see `docs/sandbox.md`.
   */
  readonly oauth?: SandboxOAuthOptions | undefined
}

/** Options of {@link Sandbox.seedInstances}. */
export interface SeedInstancesOptions {
  /** How many instances to insert. */
  readonly count: number
  /** The connector key; the first registered connector's by default. */
  readonly connectorKey?: string | undefined
  /** The owning organization's id; the first known organization's by default. */
  readonly organizationId?: string | undefined
  /** The configuration of every seeded instance; the connector's defaults and its sample by default. */
  readonly configuration?: StoredConfiguration | undefined
  /** The name of the n-th instance (0-based); `seed-<n>` by default. */
  readonly name?: ((index: number) => string) | undefined
  /** The tags of the n-th instance (0-based); none by default. */
  readonly tags?: ((index: number) => readonly string[]) | undefined
}

/** A sandbox: the instances API as a Hono app over a SQLite database. */
export interface Sandbox {
  /** The Hono app serving both API roots (`/your_moms/api-v2` and `/elements/api-v2`). */
  readonly app: Hono<SandboxEnv>
  /** The app's fetch handler: give it to any server that speaks the Fetch API. */
  readonly fetch: (request: Request) => Response | Promise<Response>
  /** The organizations the sandbox knows. */
  readonly organizations: readonly SandboxOrganization[]
  /**
   * Inserts many instances at once, in one transaction, without going through HTTP (for paging
   * tests and benchmarks). Seeded instances get random tokens that are never revealed.
   *
   * @returns the first and last id inserted; the ids in between are the other seeded instances.
   */
  seedInstances(options: SeedInstancesOptions): { firstId: number; lastId: number }
  /**
   * Stops event polling and delivery and closes the database. Idempotent. The promise settles
   * once deliveries in flight have ended (their outcome is not written: they are made again at
   * the next start, so delivery stays at least once).
   */
  close(): Promise<void>
}

function errorBody(requestId: string, message: string, providerMessage?: string) {
  return providerMessage === undefined
    ? { requestId, message }
    : { requestId, message, providerMessage }
}

/**
 * Creates a sandbox: a local, persistent implementation of the platform's instances API. Call
 * its `fetch` (or `app.request`) directly, or serve it with {@link startSandbox}.
 *
 * @example
 * ```ts
 * import { createSandbox, SANDBOX_ORGANIZATION_SECRET, SANDBOX_USER_SECRET } from '@plugboard/sandbox'
 *
 * const sandbox = createSandbox({ database: ':memory:' })
 * const response = await sandbox.app.request('/your_moms/api-v2/instances', {
 *   method: 'POST',
 *   headers: {
 *     authorization: `User ${SANDBOX_USER_SECRET}, Organization ${SANDBOX_ORGANIZATION_SECRET}`,
 *     'content-type': 'application/json',
 *   },
 *   body: JSON.stringify({
 *     your_mom: { key: 'chargebee' },
 *     name: 'Acme billing',
 *     configuration: { site: 'acme-test', username: 'test_key' },
 *   }),
 * })
 * const instance = await response.json() // { id, token, your_mom, configuration, … }
 * sandbox.close()
 * ```
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const packages = options.registry ?? createDefaultRegistry()
  const registry = options.catalogue === false ? packages : withCatalogue(packages, loadCatalogue())
  const organizations = options.organizations ?? [
    {
      id: SANDBOX_ORGANIZATION_ID,
      userSecret: SANDBOX_USER_SECRET,
      organizationSecret: SANDBOX_ORGANIZATION_SECRET,
    },
  ]
  if (organizations.length === 0)
    throw new RangeError('The sandbox needs at least one organization.')
  let events: EventEngine | undefined
  const store = new SandboxStore(options.database ?? ':memory:', {
    key: options.encryptionKey,
    onDelete: (id) => events?.forget(id),
    secretKeys: (key) =>
      registry.has(key) ? connectorFacts(registry.resolve(key)).secrets : new Set<string>(),
  })
  events = openSandboxEvents(store, options.events)
  const engine = events
  const oauth = createOAuthService(store, options.oauth)
  const app = new Hono<SandboxEnv>()

  app.use('*', async (c, next) => {
    const requestId = randomUUID()
    c.set('requestId', requestId)
    c.header(REQUEST_ID_HEADER, requestId)
    await next()
  })
  app.use(
    '*',
    bodyReader({
      maxBytes: MAX_BODY_BYTES,
      timeoutMs: options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS,
      onClientAbort: options.onClientAbort,
    }),
  )
  // Readiness check: unauthenticated, outside the API roots, the least work a request can cause.
  app.get(HEALTH_PATH, (c) => c.json({ status: 'ok' }))
  app.all(HEALTH_PATH, methodNotAllowed)
  consentRoutes(app, oauth)
  for (const [vocabulary, root] of Object.entries(API_ROOTS) as [Vocabulary, string][]) {
    app.route(
      root,
      createApi(vocabulary, { store, registry, organizations, events: engine, oauth }),
    )
  }
  app.notFound((c) =>
    c.json(errorBody(c.get('requestId'), `No route ${c.req.method} ${c.req.path}.`), 404),
  )
  app.onError((error, c) => {
    const requestId = c.get('requestId') ?? randomUUID()
    c.header(REQUEST_ID_HEADER, requestId)
    if (error instanceof HttpError) {
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value)
      return c.json(errorBody(requestId, error.message, error.providerMessage), error.status)
    }
    if (isDatabaseBusy(error)) {
      // Another connection holds the database's write lock: nothing was written, try again.
      c.header('retry-after', String(BUSY_RETRY_AFTER_SECONDS))
      return c.json(
        errorBody(requestId, 'The sandbox database is busy (locked by another connection).'),
        503,
      )
    }
    options.onUnexpectedError?.(error, requestId)
    return c.json(errorBody(requestId, 'The sandbox failed to answer this request.'), 500)
  })

  let closing: Promise<void> | undefined
  return {
    app,
    fetch: (request) => app.fetch(request),
    organizations,
    seedInstances(seed) {
      const connectorKey = seed.connectorKey ?? registry.keys()[0]
      if (connectorKey === undefined) throw new RangeError('seedInstances: no connector to seed')
      const connector = registry.resolve(connectorKey)
      const configuration =
        seed.configuration ??
        ({
          ...connector.defaults,
          ...(validateConfiguration(connector, connector.sample) as StoredConfiguration),
        } satisfies StoredConfiguration)
      return store.seed({
        count: seed.count,
        organization: seed.organizationId ?? (organizations[0] as SandboxOrganization).id,
        connectorKey,
        configuration,
        name: seed.name,
        tags: seed.tags,
      })
    },
    close() {
      closing ??= engine.close()
      store.close()
      return closing
    },
    // Keep the organizations' secrets out of console.log and util.inspect output.
    [inspect.custom]: () =>
      `Sandbox { organizations: [${organizations.map((o) => JSON.stringify(o.id)).join(', ')}] }`,
  } as Sandbox
}
