import { authorizationFor } from '../authorization.js'
import type { AnyConnector } from '../connector.js'
import type { ProviderData } from '../provider-data.js'
import { invalid } from './options.js'

/** Every value of a `providerData`: codes, verifiers and secrets, all redacted. */
export function providerDataSecrets(data: unknown): string[] {
  if (typeof data !== 'object' || data === null) return []
  return Object.values(data).filter(
    (value): value is string => typeof value === 'string' && value !== '',
  )
}

/**
 * A `providerData` as the wire takes it: an object of non-empty strings holding a `code`
 * (OAuth 2.0) or `oauth_token`, `oauth_verifier` and `secret` (OAuth 1.0a). Never names a value.
 */
export function checkProviderData(data: unknown): ProviderData {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return invalid(
      'providerData',
      'providerData must be an object: { code } (OAuth 2.0) or { oauth_token, oauth_verifier, secret } (OAuth 1.0a), as client.oauth.complete returns it.',
    )
  }
  const fields = Object.entries(data)
  const bad = fields.filter(([, value]) => typeof value !== 'string' || value === '')
  if (bad.length > 0) {
    invalid(
      'providerData',
      `providerData values must be non-empty strings; ${bad.map(([key]) => `"${key}"`).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not.`,
    )
  }
  const record = data as Record<string, string>
  const oauth1 = ['oauth_token', 'oauth_verifier', 'secret'] as const
  if (record.code === undefined && oauth1.some((key) => record[key] === undefined)) {
    invalid(
      'providerData',
      'providerData needs a code (OAuth 2.0) or oauth_token, oauth_verifier and secret (OAuth 1.0a).',
    )
  }
  return record as ProviderData
}

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
