import type { Context, Hono } from 'hono'
import { bodyText } from '../body-reader.js'
import type { SandboxEnv } from '../routes/kit.js'
import { methodNotAllowed } from '../routes/resource.js'
import { CONSENT_HEADERS, consentErrorPage, consentPage } from './consent-page.js'
import type { OAuthService } from './service.js'

/** The path of the stand-in vendor's consent page, on the sandbox's own origin. */
export const CONSENT_PATH = '/oauth/consent'

const GONE =
  'This authorisation request is unknown, has expired or was already answered: start the flow again.'

function html(c: Context, text: string, status: 200 | 400 | 415 = 200): Response {
  return c.body(text, status, CONSENT_HEADERS)
}

function show(oauth: OAuthService, c: Context): Response {
  const id = c.req.query('request')
  const view =
    id === undefined || id === '' || id.length > 256 ? undefined : oauth.grants.viewRequest(id)
  if (view === undefined || id === undefined) return html(c, consentErrorPage(GONE), 400)
  return html(c, consentPage(view, oauth.displayName(view.connectorKey), id, CONSENT_PATH))
}

async function decide(oauth: OAuthService, c: Context): Promise<Response> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/x-www-form-urlencoded') {
    return html(
      c,
      consentErrorPage('Send the consent form as application/x-www-form-urlencoded.'),
      415,
    )
  }
  const form = new URLSearchParams(await bodyText(c))
  const id = form.get('request') ?? ''
  const decision = form.get('decision')
  if (decision !== 'allow' && decision !== 'deny') {
    return html(c, consentErrorPage('The decision must be "allow" or "deny".'), 400)
  }
  const target =
    id === '' || id.length > 256 ? undefined : oauth.grants.decide(id, decision === 'allow')
  if (target === undefined) return html(c, consentErrorPage(GONE), 400)
  return c.redirect(target.href, 303)
}

/**
 * The stand-in vendor's consent page, outside the API roots (the end user's browser opens it,
 * with no platform secrets): `GET /oauth/consent?request=…` shows it; `POST /oauth/consent` with
 * the form `request=…&decision=allow|deny` answers it with a 303 to the callback URL.
 */
export function consentRoutes(app: Hono<SandboxEnv>, oauth: OAuthService): void {
  app.get(CONSENT_PATH, (c) => show(oauth, c))
  app.post(CONSENT_PATH, (c) => decide(oauth, c))
  app.all(CONSENT_PATH, methodNotAllowed)
}
