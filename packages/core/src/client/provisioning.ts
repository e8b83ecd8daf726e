import type { AnyConnector } from '../connector.js'
import { ResponseValidationError } from '../errors/request-errors.js'
import type { ProvisionedInstance, ProvisionRequest } from '../instance.js'
import { connectorField } from '../protocol/vocabulary.js'
import { validateConfiguration } from '../validate-configuration.js'
import { type Context, checkStrings, configurationSecrets } from './context.js'
import { invalid } from './options.js'
import { parseInstance, parseJsonBody } from './parse.js'
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
 * connector's schemas. Never retried.
 */
export async function provision<C extends AnyConnector>(
  context: Context,
  connector: C,
  request: ProvisionRequest<C>,
): Promise<ProvisionedInstance<C>> {
  checkRequest(request)
  const { secrets } = context.transport
  const configuration = validateConfiguration(connector, request.configuration)
  const sent = configurationSecrets(configuration, connector)
  const answer = await send(context.transport, {
    method: 'POST',
    path: 'instances',
    json: {
      [connectorField(context.vocabulary)]: { key: connector.key },
      configuration,
      ...(request.tags === undefined ? {} : { tags: [...request.tags] }),
      name: request.name,
      ...(request.providerData === undefined ? {} : { providerData: request.providerData }),
    },
    secrets: [...sent, ...(request.providerData === undefined ? [] : [request.providerData.code])],
  })
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
}
