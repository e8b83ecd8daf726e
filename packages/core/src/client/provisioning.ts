import type { AnyConnector } from '../connector.js'
import { ProvisioningKeyError } from '../errors/provisioning-key-error.js'
import { ResponseValidationError } from '../errors/request-errors.js'
import type { ProvisionedInstance, ProvisionRequest } from '../instance.js'
import { connectorField } from '../protocol/vocabulary.js'
import { validateConfiguration } from '../validate-configuration.js'
import { type Context, checkStrings, configurationSecrets } from './context.js'
import { invalid } from './options.js'
import { parseInstance, parseJsonBody } from './parse.js'
import { checkProvisionProviderData, providerDataSecrets } from './provider-data.js'
import { findProvisioned, mayHaveCreated, provisioningKeyTag } from './provisioning-key.js'
import { send } from './request.js'

/** A body as JSON when it parses, else as the text it was. */
function rawBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

function checkRequest(request: ProvisionRequest<AnyConnector>): void {
  if (typeof request !== 'object' || request === null) {
    invalid('request', 'provision needs { name, configuration }.')
  }
  if (typeof request.name !== 'string' || request.name.trim() === '') {
    invalid('name', 'The instance name must be a non-empty string.')
  }
  if (request.tags !== undefined) checkStrings('tags', request.tags)
}

/**
 * Provisions an instance of `connector` (`POST /instances`): validates the configuration first
 * (nothing is sent when it is refused), posts the spec's body, and parses the answer with the
 * connector's schemas. Never retried. With a provisioning key, first returns the instance an
 * earlier attempt with that key created, if any, and looks again when its own POST is
 * interrupted (see `ProvisionRequest.provisioningKey`).
 */
export function provision<C extends AnyConnector>(
  context: Context,
  connector: C,
  request: ProvisionRequest<C>,
): Promise<ProvisionedInstance<C>> {
  // Not an async function: a plain request goes straight to its POST, one promise layer fewer;
  // a refused argument is a rejected promise all the same, never a synchronous throw.
  let configuration: unknown
  try {
    checkRequest(request)
    configuration = validateConfiguration(connector, request.configuration)
    checkProvisionProviderData(connector, configuration, request.providerData)
    if (request.provisioningKey === undefined) {
      return post(context, connector, request, configuration)
    }
  } catch (error) {
    return Promise.reject(error)
  }
  return provisionWithKey(context, connector, request, configuration, request.provisioningKey)
}

/** `provision` with a provisioning key: the earlier attempt's instance, or a POST, then a look. */
async function provisionWithKey<C extends AnyConnector>(
  context: Context,
  connector: C,
  request: ProvisionRequest<C>,
  configuration: unknown,
  provisioningKey: string,
): Promise<ProvisionedInstance<C>> {
  const tag = provisioningKeyTag(provisioningKey)
  const earlier = await findProvisioned(context, connector, tag)
  if (earlier !== undefined) return earlier
  const tagged = { ...request, tags: [...(request.tags ?? []), tag] }
  try {
    return await post(context, connector, tagged, configuration)
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

/** The spec's `POST /instances` body, built field by field in the spec's order. */
function postBody(
  context: Context,
  connector: AnyConnector,
  request: ProvisionRequest<AnyConnector>,
  configuration: unknown,
): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  body[connectorField(context.vocabulary)] = { key: connector.key }
  body.configuration = configuration
  if (request.tags !== undefined) body.tags = [...request.tags]
  body.name = request.name
  if (request.providerData !== undefined) body.providerData = request.providerData
  return body
}

function post<C extends AnyConnector>(
  context: Context,
  connector: C,
  request: ProvisionRequest<C>,
  configuration: unknown,
): Promise<ProvisionedInstance<C>> {
  const { secrets } = context.transport
  const sent = configurationSecrets(configuration, connector)
  const sending = send(context.transport, {
    method: 'POST',
    path: 'instances',
    json: postBody(context, connector, request, configuration),
    secrets:
      request.providerData === undefined
        ? sent
        : [...sent, ...providerDataSecrets(request.providerData)],
  })
  return sending.then((answer) => {
    try {
      const instance = parseInstance(parseJsonBody(answer.request, answer.text), {
        request: answer.request,
        vocabulary: context.vocabulary,
        connector,
        requireToken: true,
      }) as ProvisionedInstance<C>
      secrets.remember(instance.token)
      return instance
    } catch (error) {
      if (!ResponseValidationError.isInstance(error)) throw error
      // The instance may well exist: hand the caller all the platform sent, token included.
      const body = rawBody(answer.text)
      const token = (body as { token?: unknown } | undefined)?.token
      if (typeof token === 'string' && token !== '') secrets.remember(token)
      throw error.withBody(body)
    }
  })
}
