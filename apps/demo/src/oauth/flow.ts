import type { AnyConnector, PlatformClient, ProviderData } from '@plugboard/core'
import type { Output } from '../output.js'
import type { CallbackListener } from './callback-listener.js'
import { openBrowser } from './open-browser.js'
import type { OAuthOptions } from './options.js'
import { waitForBrowser } from './wait.js'

// One OAuth consent round trip, from the CLI: the platform's authorisation URL (and, for OAuth
// 1.0a, the request token first), the browser, the vendor's redirect to the loopback listener, the
// callback checked (`state`, or the 1.0a `oauth_token`) into providerData, and then `use` (provision
// or re-authorise) while the browser tab waits for the outcome. Codes and tokens are never printed.

/** The OAuth app at the vendor: the connector's `oauth.api.key` and `oauth.api.secret`. */
export interface OAuthAppCredentials {
  readonly apiKey: string
  readonly apiSecret: string
}

/** Shows the authorisation URL: on stdout, or on stderr under --json (stdout holds only JSON). */
function showUrl(out: Output, key: string, url: string, opened: boolean): void {
  const say = (line: string) => (out.json ? out.error(line) : out.line(line))
  say(
    opened
      ? `Opened your browser to authorise ${key}. If it did not open, visit:`
      : `Open this URL in a browser to authorise ${key}:`,
  )
  say(`  ${url}`)
}

/**
 * Runs the consent step through `listener` and hands the resulting providerData to `use`; the
 * browser tab is told the outcome. A refusal, a forged callback or a timeout throws before `use`
 * runs, so nothing is provisioned.
 */
export async function runOAuthFlow<T>(
  client: PlatformClient,
  connector: AnyConnector,
  app: OAuthAppCredentials,
  listener: CallbackListener,
  options: OAuthOptions,
  out: Output,
  use: (providerData: ProviderData) => Promise<T>,
): Promise<T> {
  const flow = await client.oauth.start(connector, {
    apiKey: app.apiKey,
    apiSecret: app.apiSecret,
    callbackUrl: listener.url,
    scope: options.scope,
    siteAddress: options.siteAddress,
  })
  const callback = await waitForBrowser(listener.received, {
    out,
    message: `Waiting for the browser (${listener.url})`,
    timeoutSeconds: options.timeoutSeconds,
    announce: async () => {
      const opened = options.noBrowser ? false : await openBrowser(flow.url)
      showUrl(out, connector.key, flow.url, opened)
    },
  })
  try {
    const providerData = client.oauth.complete(flow, callback.params)
    const result = await use(providerData)
    callback.reply('authorised', `plugboard authorised ${connector.key}.`)
    return result
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'The flow failed.'
    callback.reply('refused', reason)
    throw error
  }
}
