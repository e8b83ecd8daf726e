/**
 * `@plugboard/core/define`: what a connector package needs to define its connector, and what an
 * app needs to list connectors without provisioning: {@link defineConnector},
 * {@link defineDescriptor}, {@link commonEntries}, the authorisation declarations and their
 * helpers, the connector types, the typed registry ({@link createRegistry}) and
 * {@link configEntries}. Importing it does not load the platform client, the connector
 * descriptions or the wire schemas, so a connector (and whatever only imports connectors or reads
 * a registry, such as a CLI's listing command) starts fast. Everything here is exported by
 * `@plugboard/core` too, as the same values: a connector defined with this entry, or a registry
 * created with it, is used as is with `@plugboard/core`'s client.
 *
 * @example
 * ```ts
 * import { defineConnector, defineDescriptor, SPECIFICATION_VERSION } from '@plugboard/core/define'
 * import * as v from 'valibot'
 *
 * export const acme = defineConnector({
 *   specificationVersion: SPECIFICATION_VERSION,
 *   key: 'acme',
 *   metadata: {
 *     displayName: 'Acme',
 *     description: 'Acme billing (Acme API).',
 *     hub: 'payment',
 *     authentication: 'basic',
 *   },
 *   descriptor: defineDescriptor({ id: 0, key: 'acme', name: 'Acme', hub: 'payment' }),
 *   config: v.strictObject({ 'acme.api.key': v.pipe(v.string(), v.nonEmpty()) }),
 *   response: v.looseObject({}),
 *   defaults: {},
 *   sample: { 'acme.api.key': 'test-key' },
 * })
 * ```
 *
 * @module @plugboard/core/define
 */

export {
  type Authorization,
  type AuthorizationChoice,
  type AuthorizationOption,
  authorizationFor,
  CONFIGURATION_ONLY,
  type ConfigurationAuthorization,
  isOAuth,
  type OAuth1Authorization,
  type OAuth2Authorization,
  type OAuthAuthorization,
  type OAuthUrlParameter,
  oauthAuthorizationOf,
  type SingleAuthorization,
} from './authorization.js'
export {
  COMMON_ENTRY_KEYS,
  COMMON_ENTRY_SCHEMAS,
  type CommonEntryKey,
  type CommonEntrySchemas,
  commonEntries,
} from './common-entries.js'
export { type ConfigEntry, configEntries } from './config-entries.js'
export {
  type AnyConfigSchema,
  type AnyConnector,
  type ChoiceConfigSchema,
  type ConfigInput,
  type ConfigSchema,
  type ConfigurationOf,
  type ConfigurationValue,
  type Connector,
  type ConnectorDescriptor,
  type ConnectorMetadata,
  type ConnectorParameter,
  defineConnector,
  type InstanceConfigurationOf,
  type ResponseConfigSchema,
} from './connector.js'
export { type DescriptorInput, defineDescriptor, fillBaseUrl } from './descriptor.js'
export type {
  AuthorizationOf,
  AuthorizedConfiguration,
  ChoiceForms,
  OAuth1ProviderData,
  OAuth2ProviderData,
  ProviderData,
  ProviderDataField,
} from './provider-data.js'
export { type ConnectorLookup, createRegistry, Registry } from './registry.js'
export { SPECIFICATION_VERSION, type SpecificationVersion } from './specification.js'
