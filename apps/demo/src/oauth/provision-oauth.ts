import { type AnyConnector, oauthAuthorizationOf, validateConfiguration } from '@plugboard/core'
import {
  type ProvisionOptions,
  printProvisioned,
  warnOfSecretsOnCommandLine,
} from '../commands/provision.js'
import { parseSetOptions, promptForMissing } from '../configuration-input.js'
import type { Output } from '../output.js'
import { openTarget, type Target } from '../target.js'
import { appCredentials } from './app-credentials.js'
import { type CallbackListener, listenForCallback, parseCallbackUrl } from './callback-listener.js'
import { runOAuthFlow } from './flow.js'
import { OAUTH_DEFAULTS } from './options.js'

/** The configuration entry holding the OAuth callback URL. */
export const CALLBACK_ENTRY = 'oauth.callback.url'

/**
 * The callback URL the user asked for: `--callback-url`, else a `--set oauth.callback.url=…`,
 * else none (a free loopback port is picked).
 */
export function requestedCallbackUrl(
  flag: string | undefined,
  configuration: Readonly<Record<string, string>>,
): URL | undefined {
  const given = flag ?? configuration[CALLBACK_ENTRY]
  return given === undefined ? undefined : parseCallbackUrl(given)
}

/**
 * `provision <oauth connector>`: the configuration (with `oauth.callback.url` set to the loopback
 * listener and, for a choice, the OAuth choice by default) is validated first; then the consent
 * step runs in the browser and the instance is provisioned with its providerData and printed.
 * `target` is the one already open (a catalogued connector), else the CLI's own is opened.
 */
export async function provisionWithOAuth(
  connector: AnyConnector,
  options: ProvisionOptions,
  out: Output,
  target?: Target,
): Promise<void> {
  const oauth = options.oauth ?? OAUTH_DEFAULTS
  const given = parseSetOptions(connector, options.set, options.extra)
  const choice = oauthAuthorizationOf(connector)?.choice
  if (choice !== undefined && connector.authorization?.kind === 'choice') {
    given[connector.authorization.entry] ??= choice
  }
  const callbackUrl = requestedCallbackUrl(oauth.callbackUrl, given)
  warnOfSecretsOnCommandLine(connector, given, out)
  let listener: CallbackListener | undefined
  let opened: Target | undefined
  try {
    listener = await listenForCallback(callbackUrl)
    given[CALLBACK_ENTRY] = listener.url
    await appCredentials(connector, given, out, 'provision')
    const configuration = await promptForMissing(connector, given, out)
    validateConfiguration(connector, configuration)
    opened = target ?? (await openTarget(options, out))
    const on = opened
    const app = {
      apiKey: configuration['oauth.api.key'] ?? '',
      apiSecret: configuration['oauth.api.secret'] ?? '',
    }
    const instance = await runOAuthFlow(
      on.client,
      connector,
      app,
      listener,
      oauth,
      out,
      (providerData) =>
        on.client.provision(connector, {
          name: options.name ?? `${connector.metadata.displayName} instance`,
          configuration,
          tags: [...options.tag],
          provisioningKey: options.provisioningKey,
          providerData,
        }),
    )
    printProvisioned(connector.key, instance, on, options, out)
  } finally {
    await listener?.close()
    if (target === undefined) await opened?.close()
  }
}
