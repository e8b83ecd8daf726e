import type * as v from 'valibot'
import type { Authorization, ConfigurationAuthorization } from './authorization.js'
import type { SpecificationVersion } from './specification.js'

/**
 * The schema of a connector's configuration: a valibot `strictObject` whose entries are the
 * configuration keys the platform accepts. Strict, so that a mistyped key is an error rather than
 * silently dropped. Mark an entry secret with `v.metadata({ secret: true })` and describe it with
 * `v.description(...)`; wrap optional entries in `v.optional(...)`.
 *
 * @group Connectors
 */
export type ConfigSchema = v.StrictObjectSchema<
  v.ObjectEntries,
  v.ErrorMessage<v.StrictObjectIssue> | undefined
>

/**
 * The schema of a configuration whose required entries depend on one entry's value (a choice of
 * authorisation, e.g. `authentication.type`): a valibot `variant` on that entry, each option a
 * strict object ({@link ConfigSchema}) whose choosing entry is a `v.literal`.
 *
 * @example
 * ```ts
 * const config = v.variant('authentication.type', [
 *   v.strictObject({ 'authentication.type': v.literal('oauth2'), 'oauth.api.key': v.string() }),
 *   v.strictObject({ 'authentication.type': v.literal('apiKey'), 'vendor.apikey': v.string() }),
 * ])
 * ```
 *
 * @group Connectors
 */
export type ChoiceConfigSchema = v.VariantSchema<
  string,
  v.VariantOptions<string>,
  v.ErrorMessage<v.VariantIssue> | undefined
>

/**
 * Any connector configuration schema: a strict object, or a choice of strict objects.
 *
 * @group Connectors
 */
export type AnyConfigSchema = ConfigSchema | ChoiceConfigSchema

/**
 * The schema of the connector-specific `configuration` map of an instance as the platform returns
 * it. Lenient (use `v.looseObject`), so that keys the platform adds later are kept, never fatal.
 *
 * @group Connectors
 */
export type ResponseConfigSchema = v.GenericSchema<Record<string, unknown>, Record<string, unknown>>

/**
 * One parameter of the platform's connector descriptor (the `parameters` array).
 *
 * @group Connectors
 */
export interface ConnectorParameter {
  /** The parameter's id on the platform. */
  readonly id: number
  /** When the platform created the parameter (ISO 8601). */
  readonly createdDate?: string
  /** The configuration key the parameter reads. */
  readonly name: string
  /** The name the vendor's API uses for it. */
  readonly vendorName: string
  /** Where the value comes from on the platform (`configuration`, …). */
  readonly type: string
  /** Where the value goes in the vendor request (`path`, `header`, `query`, …). */
  readonly vendorType: string
  /** The request part the value is read from (`request`, …). */
  readonly source: string
  /** Whether the platform requires the parameter. */
  readonly required: boolean
}

/**
 * The platform's descriptor of a connector: the object the platform returns under the connector
 * field (`your_mom` or `element`) of every instance, and at `GET /elements/{key}`. The connector id
 * field of each parameter (`your_momId` / `elementId`) is added on the wire from `id`.
 *
 * @group Connectors
 */
export interface ConnectorDescriptor {
  /** The connector's numeric id on the platform. */
  readonly id: number
  /** The display name. */
  readonly name: string
  /** The connector key, the same as the definition's `key`. */
  readonly key: string
  /** A one-line description. */
  readonly description: string
  /** A logo URL. */
  readonly image: string
  /** Whether the connector is marked active on the platform. */
  readonly active: boolean
  /** Whether the connector is deleted on the platform. */
  readonly deleted: boolean
  /** Whether provisioning goes through OAuth. */
  readonly typeOauth: boolean
  /** Whether the connector is a trial account. */
  readonly trialAccount: boolean
  /** The connector's resources as the platform lists them. */
  readonly resources: readonly unknown[]
  /** Whether transformations are enabled. */
  readonly transformationsEnabled: boolean
  /** Whether bulk download is enabled. */
  readonly bulkDownloadEnabled: boolean
  /** Whether bulk upload is enabled. */
  readonly bulkUploadEnabled: boolean
  /** Whether instances can be cloned. */
  readonly cloneable: boolean
  /** How the platform authenticates to the vendor. */
  readonly authentication: {
    /** The authentication type, e.g. `"basic"` or `"oauth2"`. */
    readonly type: string
  }
  /** The hub the connector belongs to (`payment`, `crm`, …). */
  readonly hub: string
  /** The connector's parameters. */
  readonly parameters: readonly ConnectorParameter[]
}

/**
 * Descriptive metadata of a connector, for people and for tooling.
 *
 * @group Connectors
 */
export interface ConnectorMetadata {
  /** The name shown to people, e.g. `"Chargebee"`. */
  readonly displayName: string
  /** One sentence on what the connector connects to. */
  readonly description: string
  /** The platform hub the connector belongs to, e.g. `"payment"`. */
  readonly hub: string
  /** How the platform authenticates to the vendor, e.g. `"basic"` or `"oauth2"`. */
  readonly authentication: string
  /** The vendor's documentation or home page. */
  readonly homepage?: string
}

/**
 * A configuration value the platform stores for an instance: a string, or `null` when unset.
 *
 * @group Connectors
 */
export type ConfigurationValue = string | null

/**
 * A connector definition, version `v1` of the plugboard connector specification. Build one with
 * {@link defineConnector}.
 *
 * @typeParam Key - the connector key, kept as a string literal.
 * @typeParam Config - the configuration schema.
 * @typeParam Response - the schema of the returned instance's `configuration` map.
 * @typeParam Auth - how the connector authorises (configuration only when it declares nothing).
 *
 * @group Connectors
 */
export interface Connector<
  Key extends string = string,
  Config extends AnyConfigSchema = ConfigSchema,
  Response extends ResponseConfigSchema = ResponseConfigSchema,
  Auth extends Authorization = ConfigurationAuthorization,
> {
  /** The version of the connector specification this definition implements. */
  readonly specificationVersion: SpecificationVersion
  /** The platform's key for the connector (`"chargebee"`): the `key` sent when provisioning. */
  readonly key: Key
  /** Descriptive metadata. */
  readonly metadata: ConnectorMetadata
  /** The platform's descriptor of the connector, as instance responses carry it. */
  readonly descriptor: ConnectorDescriptor
  /**
   * How the connector authorises: configuration only (the default when absent), OAuth 2.0,
   * OAuth 1.0a, or a choice by a configuration entry (then `config` is a
   * {@link ChoiceConfigSchema} on that entry). Added in v1 as an optional field: a connector
   * written before it is configuration-only, as it always was.
   */
  readonly authorization?: Auth | undefined
  /**
   * The configuration schema: validates what a caller passes before anything is sent. A strict
   * object, or for a connector whose authorisation is a choice, a variant of strict objects.
   */
  readonly config: Config
  /** The schema of the returned instance's `configuration` map. */
  readonly response: Response
  /**
   * The configuration entries the platform adds to every new instance of this connector, merged
   * under the caller's entries (e.g. `base.url`, pagination and polling settings).
   */
  readonly defaults: Readonly<Record<string, ConfigurationValue>>
  /**
   * Older names of configuration entries that the platform still accepts: alias → entry key
   * (e.g. `{ username: 'api.key' }`). A value given under an alias is validated and sent under the
   * entry's key; giving both names with different values is refused.
   */
  readonly aliases?: Readonly<Record<string, string>> | undefined
  /**
   * A valid sample configuration, used by documentation, the demo and the conformance suite.
   * Its secret values must be obviously fake.
   */
  readonly sample: ConfigInput<Config>
}

/**
 * Any connector definition, whatever its key and schemas.
 *
 * @group Connectors
 */
// biome-ignore lint/suspicious/noExplicitAny: the widest connector type needs `any` schemas to accept every definition.
export type AnyConnector = Connector<string, any, any, Authorization>

/**
 * The configuration a caller passes for connector `C` (the config schema's input type).
 *
 * @group Connectors
 */
export type ConfigInput<C extends AnyConfigSchema> = v.InferInput<C>

/**
 * The configuration a caller passes when provisioning connector `C`.
 *
 * @group Connectors
 */
export type ConfigurationOf<C extends AnyConnector> = v.InferInput<C['config']>

/**
 * The typed `configuration` map of a provisioned instance of connector `C`.
 *
 * @group Connectors
 */
export type InstanceConfigurationOf<C extends AnyConnector> = v.InferOutput<C['response']>

/**
 * Defines a connector. An identity function: it returns its argument, typed so that the key
 * stays a literal and the configuration and response types are inferred from the schemas.
 *
 * @example
 * ```ts
 * import * as v from 'valibot'
 * import { defineConnector, SPECIFICATION_VERSION } from '@plugboard/core'
 *
 * export const acme = defineConnector({
 *   specificationVersion: SPECIFICATION_VERSION,
 *   key: 'acme',
 *   metadata: { displayName: 'Acme', description: 'Acme billing', hub: 'payment', authentication: 'basic' },
 *   descriptor: { id: 1, name: 'Acme', key: 'acme', description: 'Acme API', image: '', active: true,
 *     deleted: false, typeOauth: false, trialAccount: false, resources: [], transformationsEnabled: false,
 *     bulkDownloadEnabled: false, bulkUploadEnabled: false, cloneable: true,
 *     authentication: { type: 'basic' }, hub: 'payment', parameters: [] },
 *   config: v.strictObject({
 *     apiKey: v.pipe(v.string(), v.minLength(1), v.description('The Acme API key'), v.metadata({ secret: true })),
 *   }),
 *   response: v.looseObject({ apiKey: v.nullish(v.string()) }),
 *   defaults: { 'base.url': 'https://api.acme.test' },
 *   sample: { apiKey: 'acme_test_key' },
 * })
 * ```
 *
 * @group Connectors
 */
export function defineConnector<
  const Key extends string,
  Config extends AnyConfigSchema,
  Response extends ResponseConfigSchema,
  const Auth extends Authorization = ConfigurationAuthorization,
>(definition: Connector<Key, Config, Response, Auth>): Connector<Key, Config, Response, Auth> {
  return definition
}
