import { authorizationFor } from '../authorization.js'
import type { AnyConnector } from '../connector.js'
import { ProvisioningKeyError } from '../errors/provisioning-key-error.js'
import type { ProvisionedInstance, ProvisionRequest } from '../instance.js'
import type { ProviderData } from '../provider-data.js'
import type { Context } from './context.js'
import { invalid } from './options.js'
import { checkProviderData, providerDataSecrets } from './provider-data.js'
import { findProvisioned, mayHaveCreated, provisioningKeyTag } from './provisioning-key.js'
import { post } from './provisioning.js'

/**
 * The parts of provisioning a plain request does without: the OAuth `providerData` check and the
 * provisioning key's look-ups. Loaded by `provision` when a request needs them (a connector that
 * authorises with OAuth, a request with `providerData` or a `provisioningKey`), so that an
 * application that provisions plain requests neither loads nor bundles them up front.
 */

/**
 * Checks that a provisioning request carries `providerData` exactly when the connector authorises
 * with OAuth for this configuration (the compiler says so too; this is for untyped callers).
 */
export function checkProvisionProviderData(
  connector: AnyConnector,
  configuration: unknown,
  data: unknown,
): ProviderData | undefined {
  const authorization = authorizationFor(connector, configuration)
  const oauth = authorization?.kind === 'oauth2' || authorization?.kind === 'oauth1'
  if (data === undefined) {
    if (oauth) {
      invalid(
        'providerData',
        `${connector.key} authorises with ${authorization.kind === 'oauth1' ? 'OAuth 1.0a' : 'OAuth 2.0'}: provisioning needs providerData from its OAuth callback (client.oauth.start, then client.oauth.complete).`,
      )
    }
    return undefined
  }
  if (authorization?.kind === 'configuration') {
    invalid(
      'providerData',
      `${connector.key} authorises with its configuration alone${connector.authorization?.kind === 'choice' ? ' with this choice' : ''}: leave providerData out.`,
    )
  }
  return checkProviderData(data)
}

/**
 * The rest of `provision` for a request that needs more than a plain POST: checks `providerData`,
 * then with a provisioning key first returns the instance an earlier attempt with that key
 * created, if any, and looks again when its own POST is interrupted.
 */
export async function provisionFurther<C extends AnyConnector>(
  context: Context,
  connector: C,
  request: ProvisionRequest<C>,
  configuration: unknown,
): Promise<ProvisionedInstance<C>> {
  checkProvisionProviderData(connector, configuration, request.providerData)
  const carried = request.providerData === undefined ? [] : providerDataSecrets(request.providerData)
  if (request.provisioningKey === undefined) {
    return post(context, connector, request, configuration, carried)
  }
  const tag = provisioningKeyTag(request.provisioningKey)
  const earlier = await findProvisioned(context, connector, tag)
  if (earlier !== undefined) return earlier
  const tagged = { ...request, tags: [...(request.tags ?? []), tag] }
  try {
    return await post(context, connector, tagged, configuration, carried)
  } catch (error) {
    if (!mayHaveCreated(error)) throw error
    // The platform may have created the instance and lost only its answer: look for it.
    const created = await findProvisioned(context, connector, tag).catch((lookup: unknown) => {
      // Found without its token: say so. A lookup that failed itself: the POST's error stands.
      if (ProvisioningKeyError.isInstance(lookup)) throw lookup
      return undefined
    })
    if (created !== undefined) return created
    throw error
  }
}
