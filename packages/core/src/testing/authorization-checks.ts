import * as v from 'valibot'
import {
  type AnyConnector,
  type Authorization,
  authorizationFor,
  type ChoiceConfigSchema,
  configEntries,
  maskedKeys,
  type SingleAuthorization,
} from '../index.js'
import { providerDataSchema } from '../protocol/index.js'
import { failure, list, sameKeys, sampleOf } from './support.js'

const URL_PARAMETERS: readonly string[] = ['scope', 'state', 'siteAddress']
const OAUTH_ENTRIES = ['oauth.api.key', 'oauth.api.secret', 'oauth.callback.url'] as const

type Option = v.StrictObjectSchema<v.ObjectEntries, undefined>

function checkSingle(connector: AnyConnector, authorization: SingleAuthorization, where: string) {
  const kinds = ['configuration', 'oauth2', 'oauth1']
  if (!kinds.includes(authorization.kind)) {
    throw failure(
      connector,
      `${where}kind is "${authorization.kind}", expected one of ${list(kinds)}`,
    )
  }
  if (authorization.kind === 'configuration') return
  const parameters = authorization.urlParameters ?? []
  const unknown = parameters.filter((name) => !URL_PARAMETERS.includes(name))
  if (unknown.length > 0) {
    throw failure(
      connector,
      `${where}urlParameters name ${list(unknown)}; the authorisation URL takes ${list(URL_PARAMETERS)}`,
    )
  }
  const values = authorization.callbackValues ?? []
  if (values.some((name) => typeof name !== 'string' || name === '')) {
    throw failure(connector, `${where}callbackValues must be non-empty parameter names`)
  }
}

/** The OAuth entries an OAuth way of authorising needs, checked in the entries of `option`. */
function checkOAuthEntries(connector: AnyConnector, keys: readonly string[], where: string) {
  const missing = OAUTH_ENTRIES.filter((key) => !keys.includes(key))
  if (missing.length > 0) {
    throw failure(connector, `${where}authorises with OAuth but has no entries ${list(missing)}`)
  }
  const masked = maskedKeys(connector)
  const unmasked = ['oauth.api.key', 'oauth.api.secret'].filter((key) => !masked.has(key))
  if (unmasked.length > 0) {
    throw failure(
      connector,
      `${list(unmasked)} must be masked secrets (v.metadata({ secret: true, masked: true })): the platform masks them`,
    )
  }
}

function checkChoice(
  connector: AnyConnector,
  declared: Extract<Authorization, { kind: 'choice' }>,
): void {
  const schema = connector.config as ChoiceConfigSchema & { readonly type: string }
  if (schema.type !== 'variant' || schema.key !== declared.entry) {
    throw failure(
      connector,
      `authorization is a choice by "${declared.entry}", so config must be v.variant('${declared.entry}', [...]) of strict objects`,
    )
  }
  const seen: string[] = []
  for (const option of schema.options as readonly Option[]) {
    if (option.type !== 'strict_object') {
      throw failure(connector, 'every option of the config variant must be a v.strictObject')
    }
    const choosing = option.entries[declared.entry] as { literal?: unknown } | undefined
    const value = choosing?.literal
    if (typeof value !== 'string' || !Object.hasOwn(declared.choices, value)) {
      throw failure(
        connector,
        `a config option's "${declared.entry}" is ${JSON.stringify(value)}, not a declared choice (${list(Object.keys(declared.choices))})`,
      )
    }
    seen.push(value)
    const choice = declared.choices[value]
    if (choice === undefined) continue
    const where = `the "${value}" choice `
    checkSingle(connector, choice.authorization, where)
    const required = configEntries(option)
      .filter((entry) => entry.required && entry.key !== declared.entry)
      .map((entry) => entry.key)
    if (!sameKeys(required, choice.requires)) {
      throw failure(
        connector,
        `${where}declares that it requires ${list(choice.requires)}, but its config option requires ${list(required)}`,
      )
    }
    if (choice.authorization.kind !== 'configuration') {
      checkOAuthEntries(connector, Object.keys(option.entries), where)
    }
  }
  const undeclared = Object.keys(declared.choices).filter((value) => !seen.includes(value))
  if (undeclared.length > 0) {
    throw failure(connector, `the choices ${list(undeclared)} have no config option`)
  }
}

/**
 * The connector declares how it authorises, in agreement with its schema and descriptor: a known
 * kind; OAuth URL parameters among `scope`, `state`, `siteAddress`; an OAuth way has the
 * `oauth.api.key`, `oauth.api.secret` (masked) and `oauth.callback.url` entries; a choice's
 * config is a variant on the choosing entry whose options match the declared choices and the
 * entries each requires; the descriptor's authentication type is `oauth2` / `oauth1` for an OAuth
 * connector and neither for a configuration-only one.
 *
 * @throws {@link ConformanceError} naming the disagreement.
 */
export function checkAuthorization(connector: AnyConnector): void {
  const declared: Authorization = connector.authorization ?? { kind: 'configuration' }
  const type = connector.descriptor.authentication.type
  if (declared.kind === 'choice') {
    checkChoice(connector, declared)
    return
  }
  checkSingle(connector, declared, 'authorization.')
  if ((connector.config as { type?: string }).type === 'variant') {
    throw failure(connector, 'config is a variant, but authorization declares no choice')
  }
  if (declared.kind === 'configuration') {
    if (type === 'oauth2' || type === 'oauth1') {
      throw failure(
        connector,
        `the descriptor authenticates with ${type}, but the connector declares no OAuth authorization`,
      )
    }
    return
  }
  if (type !== declared.kind) {
    throw failure(
      connector,
      `authorization is ${declared.kind}, but descriptor.authentication.type is "${type}"`,
    )
  }
  checkOAuthEntries(connector, Object.keys(connector.config.entries), '')
}

/** The providerData an OAuth callback of this way would produce, with made-up values. */
function sampleProviderData(authorization: SingleAuthorization): Record<string, string> {
  const kept = Object.fromEntries(
    (authorization.kind === 'configuration' ? [] : (authorization.callbackValues ?? [])).map(
      (name) => [name, `sample-${name}`],
    ),
  )
  return authorization.kind === 'oauth1'
    ? { oauth_token: 'sample-token', oauth_verifier: 'sample-verifier', secret: 'sample', ...kept }
    : { code: 'sample-code', ...kept }
}

/**
 * The sample provisions: its configuration selects a way of authorising (for a choice, the
 * choosing entry names one), an OAuth sample's callback URL is an http(s) URL, and a sample
 * `providerData` of that way (code, or token, verifier and secret, plus the kept callback values)
 * passes the wire schema the platform stand-in reads.
 *
 * @throws {@link ConformanceError} when the sample selects nothing or its providerData is refused.
 */
export function checkSampleAuthorizes(connector: AnyConnector): void {
  const sample = sampleOf(connector)
  const authorization = authorizationFor(connector, sample)
  if (authorization === undefined) {
    throw failure(connector, 'the sample configuration selects no declared way of authorising')
  }
  if (authorization.kind === 'configuration') return
  const callback = sample['oauth.callback.url']
  if (typeof callback !== 'string' || !/^https?:\/\//.test(callback)) {
    throw failure(connector, 'the sample\'s "oauth.callback.url" must be an http(s) URL')
  }
  const result = v.safeParse(providerDataSchema, sampleProviderData(authorization))
  if (!result.success) {
    throw failure(
      connector,
      `a sample providerData for ${authorization.kind} was refused: ${result.issues[0]?.message}`,
    )
  }
}
