import { type AnyConnector, authorizationFor } from '@plugboard/core'
import { registry } from '../app-registry.js'
import { UsageError } from '../cli-errors.js'
import { parseId } from '../commands/instances.js'
import { catalogueConnector, warnOfSecretsOnCommandLine } from '../commands/provision.js'
import { parseSetOptions } from '../configuration-input.js'
import { instanceJson, printInstance } from '../instance-view.js'
import type { Output } from '../output.js'
import { openTarget, type Target, type TargetOptions } from '../target.js'
import { appCredentials } from './app-credentials.js'
import { type CallbackListener, listenForCallback, parseCallbackUrl } from './callback-listener.js'
import { runOAuthFlow } from './flow.js'
import { OAUTH_DEFAULTS, type OAuthOptions } from './options.js'
import { CALLBACK_ENTRY, requestedCallbackUrl } from './provision-oauth.js'

/** The options of `reauthorize`. */
export interface ReauthorizeOptions extends TargetOptions {
  /** `--set` values: the OAuth app's `oauth.api.key` and `oauth.api.secret` (masked on the instance). */
  readonly set: readonly string[]
  readonly extra?: readonly string[] | undefined
  readonly oauth?: OAuthOptions | undefined
}

/**
 * The instance's connector (its package, else the platform's description of it), which must
 * authorise with OAuth as the instance is configured.
 */
async function oauthConnectorOf(
  id: number,
  key: string | undefined,
  configuration: Readonly<Record<string, unknown>>,
  target: Target,
): Promise<AnyConnector> {
  if (key === undefined) throw new UsageError(`Instance ${id} names no connector.`)
  const connector = registry.has(key)
    ? registry.resolve(key)
    : await catalogueConnector(key, target)
  const authorization = authorizationFor(connector, configuration)
  if (authorization === undefined || authorization.kind === 'configuration') {
    throw new UsageError(
      `Instance ${id} (${key}) authorises with its configuration, not OAuth: there is nothing to re-authorise (update its configuration instead).`,
    )
  }
  return connector
}

/**
 * The callback to listen on: `--callback-url`, else the instance's own `oauth.callback.url` when
 * it is a loopback URL (the one registered with the OAuth app stays valid), else a free port.
 */
function callbackFor(
  oauth: OAuthOptions,
  given: Readonly<Record<string, string>>,
  stored: unknown,
): URL | undefined {
  const requested = requestedCallbackUrl(oauth.callbackUrl, given)
  if (requested !== undefined || typeof stored !== 'string') return requested
  try {
    return parseCallbackUrl(stored)
  } catch {
    return undefined
  }
}

/**
 * `reauthorize <id>`: runs the consent step again for an OAuth instance whose grant was revoked
 * or expired, then hands the new providerData to the platform (`PATCH /instances/{id}`; with the
 * new `oauth.callback.url` too when the callback moved).
 */
export async function reauthorize(
  id: string,
  options: ReauthorizeOptions,
  out: Output,
): Promise<void> {
  const instanceId = parseId(id)
  const oauth = options.oauth ?? OAUTH_DEFAULTS
  let target: Target | undefined
  let listener: CallbackListener | undefined
  try {
    target = await openTarget(options, out)
    const client = target.client
    const current = await client.instances.get(instanceId)
    const connector = await oauthConnectorOf(
      instanceId,
      current.connector?.key,
      current.configuration,
      target,
    )
    const given = parseSetOptions(connector, options.set, options.extra)
    warnOfSecretsOnCommandLine(connector, given, out)
    const stored = current.configuration[CALLBACK_ENTRY]
    const app = await appCredentials(connector, given, out, 'reauthorize')
    listener = await listenForCallback(callbackFor(oauth, given, stored))
    const callbackUrl = listener.url
    const instance = await runOAuthFlow(
      client,
      connector,
      app,
      listener,
      oauth,
      out,
      (providerData) =>
        callbackUrl === stored
          ? client.instances.reauthorize(instanceId, providerData)
          : client.instances.patch(instanceId, {
              configuration: { [CALLBACK_ENTRY]: callbackUrl },
              providerData,
            }),
    )
    if (out.json) {
      out.data(instanceJson(instance))
      return
    }
    out.line(out.style('green', `Re-authorised ${connector.key} instance ${instance.id}.`))
    printInstance(out, instance)
  } finally {
    await listener?.close()
    await target?.close()
  }
}
