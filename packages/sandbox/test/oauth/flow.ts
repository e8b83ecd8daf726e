import { type RunningSandbox, type StartSandboxOptions, startSandbox } from '../../src/server.js'

/** A sandbox on a loopback port whose OAuth clock the test moves by hand. */
export interface OAuthSandbox {
  readonly server: RunningSandbox
  /** Moves the OAuth clock forward. */
  advance(ms: number): void
  close(): Promise<void>
}

/** Starts a sandbox with a hand-moved OAuth clock (and other options as given). */
export async function startOAuthSandbox(options: StartSandboxOptions = {}): Promise<OAuthSandbox> {
  let now = Date.parse('2026-01-01T00:00:00Z')
  const server = await startSandbox({
    database: ':memory:',
    ...options,
    oauth: { codeLifetimeSeconds: 300, now: () => now, ...options.oauth },
  })
  return {
    server,
    advance: (ms) => {
      now += ms
    },
    close: () => server.close(),
  }
}

/** The answer of one call: status, parsed JSON body (or text), headers. */
export interface Answer {
  readonly status: number
  readonly body: Record<string, unknown>
  readonly text: string
  readonly headers: Headers
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text()
  let body: Record<string, unknown> = {}
  try {
    body = JSON.parse(text) as Record<string, unknown>
  } catch {}
  return { status: response.status, body, text, headers: response.headers }
}

/** A platform call with the sandbox's Authorization header. */
export async function api(
  server: RunningSandbox,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer> {
  return answer(
    await fetch(`${server.baseUrl}${path}`, {
      method,
      headers: { authorization: server.authorization, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  )
}

/** The OAuth app of the tests. */
export const APP = {
  apiKey: 'app-key-7Qx2',
  apiSecret: 'app-secret-Vb91',
  callbackUrl: 'http://127.0.0.1:9/callback?from=tests',
} as const

/** The configuration entries of the app, as provisioning takes them. */
export function appConfiguration(
  app: { apiKey: string; apiSecret: string; callbackUrl: string } = APP,
) {
  return {
    'oauth.api.key': app.apiKey,
    'oauth.api.secret': app.apiSecret,
    'oauth.callback.url': app.callbackUrl,
  }
}

/** `GET /elements/{key}/oauth/url` with the given query. */
export function authorizationUrl(
  server: RunningSandbox,
  key: string,
  query: Record<string, string>,
): Promise<Answer> {
  return api(server, 'GET', `/elements/${key}/oauth/url?${new URLSearchParams(query)}`)
}

/** Opens the consent page (as a browser would: no platform header). */
export async function consentPage(oauthUrl: string): Promise<Answer> {
  return answer(await fetch(oauthUrl))
}

/**
 * The headless consent step: posts the consent form (`request`, `decision`) to its action and
 * returns the 303's Location, parsed.
 */
export async function decide(
  oauthUrl: string,
  decision: 'allow' | 'deny',
): Promise<{ status: number; location: URL | undefined }> {
  const url = new URL(oauthUrl)
  const response = await fetch(new URL('/oauth/consent', url), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request: url.searchParams.get('request') ?? '', decision }),
    redirect: 'manual',
  })
  await response.body?.cancel()
  const location = response.headers.get('location')
  return { status: response.status, location: location === null ? undefined : new URL(location) }
}

/** The whole OAuth 2.0 consent for `key`: the code the callback received. */
export async function codeFor(
  server: RunningSandbox,
  key: string,
  query: Record<string, string> = {},
): Promise<string> {
  const url = await authorizationUrl(server, key, { ...APP, state: 'st-1', ...query })
  if (url.status !== 200) throw new Error(`oauth/url answered ${url.status}: ${url.text}`)
  const { location } = await decide(url.body.oauthUrl as string, 'allow')
  const code = location?.searchParams.get('code')
  if (code == null) throw new Error(`no code in the callback: ${location}`)
  return code
}

/** The configuration of a Zendesk instance with the test app. */
export function zendeskConfiguration(
  app: { apiKey: string; apiSecret: string; callbackUrl: string } = APP,
) {
  return { ...appConfiguration(app), 'zendesk.subdomain': 'acme' }
}

/** `POST /instances` of a Zendesk instance with `providerData`. */
export function provisionZendesk(
  server: RunningSandbox,
  providerData: unknown,
  configuration: Record<string, unknown> = zendeskConfiguration(),
): Promise<Answer> {
  return api(server, 'POST', '/instances', {
    your_mom: { key: 'zendesk' },
    name: 'Desk',
    configuration,
    ...(providerData === undefined ? {} : { providerData }),
  })
}
