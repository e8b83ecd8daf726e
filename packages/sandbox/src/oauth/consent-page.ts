import type { ConsentView } from './grants.js'

/** The headers of every consent answer: no caching, no framing, nothing loaded from elsewhere. */
export const CONSENT_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string,
  )
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem; color: #1f2328; }
.note { color: #59636e; font-size: 0.9rem; }
form { display: flex; gap: 1rem; margin-top: 2rem; }
button { font-size: 1rem; padding: 0.5rem 1.5rem; border-radius: 6px; border: 1px solid #d1d9e0; cursor: pointer; }
button[value="allow"] { background: #1f883d; color: #fff; border-color: #1f883d; }
</style>
</head>
<body>
${body}
</body>
</html>
`
}

/**
 * The consent page of a pending request: what is asked, and a form posting `request` and
 * `decision` (`allow` or `deny`) back to `action`, with the buttons Allow and Deny.
 */
export function consentPage(
  view: ConsentView,
  connectorName: string,
  requestId: string,
  action: string,
): string {
  const details = [
    ...(view.scope === undefined ? [] : [`<li>Scope: <code>${escapeHtml(view.scope)}</code></li>`]),
    ...(view.siteAddress === undefined
      ? []
      : [`<li>Account: <code>${escapeHtml(view.siteAddress)}</code></li>`]),
  ]
  return page(
    `Authorise access to ${connectorName}`,
    `<h1>Authorise access to ${escapeHtml(connectorName)}</h1>
<p>An application asks to use your ${escapeHtml(connectorName)} account through the platform${
      view.flow === 'oauth1' ? ' (OAuth 1.0a)' : ''
    }.</p>
${details.length === 0 ? '' : `<ul>${details.join('')}</ul>`}
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="request" value="${escapeHtml(requestId)}">
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>
<p class="note">This page is the plugboard sandbox standing in for ${escapeHtml(connectorName)}: no account is involved.</p>`,
  )
}

/** A page saying why the consent step cannot go on. */
export function consentErrorPage(message: string): string {
  return page(
    'Authorisation failed',
    `<h1>Authorisation failed</h1>\n<p>${escapeHtml(message)}</p>`,
  )
}
