import type { AnyConnector } from '@plugboard/core'
import { HttpError } from '../http-error.js'
import type { InstanceRecord, StoredConfiguration } from '../store.js'
import { MISSING_CODE_MESSAGE, REFRESH_INTERVAL_SECONDS } from './entries.js'
import { mint } from './grant-rows.js'
import type { GrantBinding } from './grants.js'
import { type ChosenAuthorisation, chooseAuthorisation, type OAuthFlow } from './kind.js'
import type { OAuthService } from './service.js'

/** What a provisioning or an update asks of the OAuth flow. */
export interface AuthoriseRequest {
  readonly connector: AnyConnector
  readonly organization: string
  /** The request's origin: the stand-in vendor's refresh and revoke URLs are on it. */
  readonly origin: string
  /** The body's `providerData`, as sent (not yet checked). */
  readonly providerData: unknown
  /** The configuration the instance will hold (validated, merged). */
  readonly configuration: StoredConfiguration
}

const PROVIDER_FIELDS: Readonly<Record<OAuthFlow, readonly string[]>> = {
  oauth2: ['code'],
  oauth1: ['oauth_token', 'oauth_verifier', 'secret'],
}

/** The flow the configuration chooses; 400 for an unknown choice or a missing required entry. */
export function chosenFlow(
  oauth: OAuthService,
  connector: AnyConnector,
  configuration: StoredConfiguration,
): ChosenAuthorisation {
  const authorisation = oauth.authorisation(connector)
  const chosen = chooseAuthorisation(authorisation, configuration)
  if ('unknownChoice' in chosen) {
    const entry = authorisation.kind === 'choice' ? authorisation.entry : 'authentication.type'
    throw new HttpError(
      400,
      `The ${connector.key} configuration was refused: "${entry}" must be one of ${chosen.known.join(', ')} (got "${chosen.unknownChoice}").`,
    )
  }
  const missing = chosen.requires.filter((key) => {
    const value = configuration[key]
    return value === undefined || value === null || value === ''
  })
  if (missing.length > 0) {
    const why = authorisation.kind === 'choice' ? ` (required by ${authorisation.entry})` : ''
    throw new HttpError(
      400,
      `The ${connector.key} configuration was refused: missing ${missing.map((key) => `"${key}"`).join(', ')}${why}.`,
    )
  }
  return chosen
}

/** The fields of providerData the flow needs, or 400 with the platform's message. */
function providerFields(flow: OAuthFlow, providerData: unknown): Record<string, string> {
  const fields = PROVIDER_FIELDS[flow]
  if (providerData !== undefined && providerData !== null && typeof providerData !== 'object') {
    throw new HttpError(400, `providerData must be an object: {${fields.join(', ')}}.`)
  }
  const data = (providerData ?? {}) as Record<string, unknown>
  const values: Record<string, string> = {}
  const missing: string[] = []
  for (const field of fields) {
    const value = data[field]
    if (typeof value === 'string' && value !== '' && value.length <= 4096) values[field] = value
    else missing.push(field)
  }
  if (missing.length === fields.length && flow === 'oauth2') {
    throw new HttpError(400, MISSING_CODE_MESSAGE)
  }
  if (missing.length > 0) {
    throw new HttpError(
      400,
      `${MISSING_CODE_MESSAGE}: providerData needs ${fields.join(', ')} (missing or not a non-empty string: ${missing.join(', ')}).`,
    )
  }
  return values
}

/**
 * Redeems the providerData with the stand-in vendor and returns the configuration holding the
 * vendor's new tokens. 400 with the platform's message when there is no code, and with the
 * vendor's refusal as `providerMessage` when the code is bad, used, expired or bound to another
 * app, callback URL or connector. Call it inside the transaction that writes the instance, so a
 * write that fails leaves the code unused.
 */
export function redeemInto(
  oauth: OAuthService,
  request: AuthoriseRequest,
  chosen: ChosenAuthorisation,
): StoredConfiguration {
  const { connector, configuration } = request
  const flow = chosen.flow
  if (flow === undefined || chosen.oauth === undefined) return configuration
  const fields = providerFields(flow, request.providerData)
  const binding: GrantBinding = {
    organization: request.organization,
    connectorKey: connector.key,
    apiKey: configuration['oauth.api.key'] ?? '',
    apiSecret: configuration['oauth.api.secret'] ?? '',
    callbackUrl: configuration['oauth.callback.url'] ?? '',
  }
  const redeemed =
    flow === 'oauth2'
      ? oauth.grants.redeem(binding, fields.code as string)
      : oauth.grants.redeem(binding, fields.oauth_verifier as string, {
          token: fields.oauth_token as string,
          secret: fields.secret as string,
        })
  if ('problem' in redeemed && typeof redeemed.problem === 'string') {
    throw new HttpError(
      400,
      `The ${connector.key} provider refused the OAuth ${flow === 'oauth2' ? 'code' : 'verifier'}: it is invalid, expired, already used, or was issued for another apiKey, callback URL or connector.`,
      {},
      redeemed.problem,
    )
  }
  const values = redeemed as Readonly<Record<string, string>>
  const tokens: StoredConfiguration = {
    'oauth.user.token': mint(),
    ...(flow === 'oauth2'
      ? { 'oauth.user.refresh_token': mint() }
      : { 'oauth.user.token.secret': mint() }),
    'oauth.user.refresh_time': String(oauth.now()),
    'oauth.user.refresh_interval': String(REFRESH_INTERVAL_SECONDS),
    'oauth.token.refresh_url': `${request.origin}/oauth/${connector.key}/token`,
    'oauth.token.revoke_url': `${request.origin}/oauth/${connector.key}/revoke`,
  }
  for (const { parameter, entry } of chosen.oauth.callbackValues) {
    const value = values[parameter]
    if (value !== undefined) tokens[entry] = value
  }
  return { ...configuration, ...tokens }
}

/**
 * Provisions through the OAuth flow where the connector (or its `authentication.type`) takes it:
 * the code is redeemed and the instance written in one transaction. Other connectors are
 * inserted as they are (a providerData they do not need is ignored, as the platform does).
 */
export function provisionWithOAuth(
  oauth: OAuthService,
  request: AuthoriseRequest,
  insert: (configuration: StoredConfiguration) => InstanceRecord,
): InstanceRecord {
  const chosen = chosenFlow(oauth, request.connector, request.configuration)
  if (chosen.flow === undefined) return insert(request.configuration)
  providerFields(chosen.flow, request.providerData)
  return oauth.grants.transaction(() => insert(redeemInto(oauth, request, chosen)))
}

/**
 * The configuration an update writes: with new vendor tokens when it carries providerData for an
 * OAuth flow (re-authorising), as it is otherwise. Runs inside the update's transaction.
 */
export function reauthorise(oauth: OAuthService, request: AuthoriseRequest): StoredConfiguration {
  if (request.providerData === undefined) return request.configuration
  const chosen = chosenFlow(oauth, request.connector, request.configuration)
  return redeemInto(oauth, request, chosen)
}
