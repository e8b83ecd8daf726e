import type { AnyConnector, ConfigurationValue, InstanceConfigurationOf } from './connector.js'
import type { AuthorizedConfiguration, ProviderData } from './provider-data.js'

/**
 * One parameter of a connector descriptor as the platform returns it. The vocabulary's connector
 * id field (`your_momId` / `elementId`) is normalized to `connectorId`; other fields are kept.
 *
 * @group Instances
 */
export interface InstanceConnectorParameter {
  /** The parameter's id on the platform. */
  readonly id: number
  /** The configuration key the parameter reads. */
  readonly name: string
  /** The id of the connector the parameter belongs to (the wire's `your_momId` / `elementId`). */
  readonly connectorId?: number | undefined
  /** When the platform created the parameter (ISO 8601). */
  readonly createdDate?: string | undefined
  /** The name the vendor's API uses for it. */
  readonly vendorName?: string | undefined
  /** Where the value comes from on the platform (`configuration`, …). */
  readonly type?: string | undefined
  /** Where the value goes in the vendor request (`path`, `header`, `query`, …). */
  readonly vendorType?: string | undefined
  /** The request part the value is read from (`request`, …). */
  readonly source?: string | undefined
  /** Whether the platform requires the parameter. */
  readonly required?: boolean | undefined
  /** Fields the platform added that plugboard does not model, kept as they came. */
  readonly [field: string]: unknown
}

/**
 * The connector descriptor an instance carries, as the platform returns it (under `your_mom` or
 * `element` on the wire, always `connector` here). Lenient: only `id`, `key` and `name` are
 * required, and fields plugboard does not model are kept.
 *
 * @group Instances
 */
export interface InstanceConnector {
  /** The connector's numeric id on the platform. */
  readonly id: number
  /** The connector key, e.g. `"chargebee"`. */
  readonly key: string
  /** The display name. */
  readonly name: string
  /** A one-line description. */
  readonly description?: string | undefined
  /** A logo URL. */
  readonly image?: string | undefined
  /** Whether the connector is marked active on the platform. */
  readonly active?: boolean | undefined
  /** Whether the connector is deleted on the platform. */
  readonly deleted?: boolean | undefined
  /** Whether provisioning goes through OAuth. */
  readonly typeOauth?: boolean | undefined
  /** Whether the connector is a trial account. */
  readonly trialAccount?: boolean | undefined
  /** The connector's resources as the platform lists them. */
  readonly resources?: readonly unknown[] | undefined
  /** Whether transformations are enabled. */
  readonly transformationsEnabled?: boolean | undefined
  /** Whether bulk download is enabled. */
  readonly bulkDownloadEnabled?: boolean | undefined
  /** Whether bulk upload is enabled. */
  readonly bulkUploadEnabled?: boolean | undefined
  /** Whether instances can be cloned. */
  readonly cloneable?: boolean | undefined
  /** How the platform authenticates to the vendor. */
  readonly authentication?:
    | {
        /** The authentication type, e.g. `"basic"` or `"oauth2"`. */
        readonly type: string
        /** Fields the platform added that plugboard does not model. */
        readonly [field: string]: unknown
      }
    | undefined
  /** The hub the connector belongs to (`payment`, `crm`, …). */
  readonly hub?: string | undefined
  /** The connector's parameters. */
  readonly parameters?: readonly InstanceConnectorParameter[] | undefined
  /** Fields the platform added that plugboard does not model, kept as they came. */
  readonly [field: string]: unknown
}

/**
 * The platform user who owns an instance (the `user` field of an instance answer).
 *
 * @group Instances
 */
export interface InstanceUser {
  /** The user's id on the platform. */
  readonly id: number | string
  /** The user's email address. */
  readonly emailAddress?: string | undefined
  /** The user's first name. */
  readonly firstName?: string | undefined
  /** The user's last name. */
  readonly lastName?: string | undefined
  /** Fields the platform added that plugboard does not model, kept as they came. */
  readonly [field: string]: unknown
}

/**
 * An instance's `configuration` map when no connector schema types it.
 *
 * @group Instances
 */
export type GenericInstanceConfiguration = Readonly<Record<string, ConfigurationValue>>

/**
 * A connector instance as the platform returns it. Only `id`, `name` and `configuration` are
 * sure to be there (what the platform's own tests require: an unhydrated list item may carry
 * little more); every other field is `undefined` when the answer left it out. The token is masked in `util.inspect` output
 * (and so in `console.log`), but stays readable as `instance.token` and is kept by
 * `JSON.stringify` — store it as the secret it is.
 *
 * @typeParam Configuration - the type of the `configuration` map.
 *
 * @group Instances
 */
export interface Instance<Configuration = GenericInstanceConfiguration> {
  /** The instance id. */
  readonly id: number
  /** The instance name (sanitised by the platform). */
  readonly name: string
  /**
   * The instance token: the credential for every call on this instance (see
   * `PlatformClient.forInstance`). Always present on a freshly provisioned instance.
   */
  readonly token?: string | undefined
  /**
   * The connector the instance belongs to (the wire's `your_mom` / `element` field); absent from
   * an unhydrated list item.
   */
  readonly connector?: InstanceConnector | undefined
  /** The configuration: the caller's entries (secret ones masked) merged over the connector's defaults. */
  readonly configuration: Configuration
  /** The interactions the platform recorded while provisioning. */
  readonly provisionInteractions?: readonly unknown[] | undefined
  /** Whether the platform considers the instance valid. */
  readonly valid?: boolean | undefined
  /** Whether the instance is disabled (hub calls answer 403). */
  readonly disabled?: boolean | undefined
  /** The maximum cache size. */
  readonly maxCacheSize?: number | undefined
  /** The cache time to live. */
  readonly cacheTimeToLive?: number | undefined
  /** Whether events are enabled. */
  readonly eventsEnabled?: boolean | undefined
  /** Whether trace logging is enabled. */
  readonly traceLoggingEnabled?: boolean | undefined
  /** Whether caching is enabled. */
  readonly cachingEnabled?: boolean | undefined
  /** The platform user who owns the instance. */
  readonly user?: InstanceUser | undefined
  /** The instance's tags. */
  readonly tags?: readonly string[] | undefined
  /** When the instance was created (ISO 8601). */
  readonly createdDate?: string | undefined
  /** When the instance was last updated (ISO 8601). */
  readonly updatedDate?: string | undefined
  /** Fields the platform added that plugboard does not model, kept as they came. */
  readonly [field: string]: unknown
}

/**
 * An instance of connector `C`, its `configuration` typed by the connector's response schema.
 *
 * @group Instances
 */
export type InstanceOf<C extends AnyConnector> = Instance<InstanceConfigurationOf<C>>

/**
 * A freshly provisioned instance of connector `C`: its `token` is always present. Keep the token —
 * every later call on the instance needs it.
 *
 * @group Provisioning
 */
export interface ProvisionedInstance<C extends AnyConnector> extends InstanceOf<C> {
  /** The instance token. Masked in `util.inspect`; kept by `JSON.stringify`. */
  readonly token: string
}

/**
 * One entry of an instance's configuration (`GET /instances/{id}/configuration`).
 *
 * @group Instances
 */
export interface ConfigurationEntryRecord {
  /** The entry's id: pass it to `setConfiguration`. */
  readonly id: number
  /** The configuration key, e.g. `"site"`. */
  readonly key: string
  /** The entry's display name. */
  readonly name?: string | undefined
  /** The value (secret values come back masked as `********`), or `null` when unset. */
  readonly propertyValue: ConfigurationValue
  /** Whether the entry is required. */
  readonly required?: boolean | undefined
  /** Fields the platform added that plugboard does not model, kept as they came. */
  readonly [field: string]: unknown
}

/**
 * The fields of a provisioning request besides its configuration and `providerData`.
 *
 * @group Provisioning
 */
export interface ProvisionFields {
  /** The instance name. */
  readonly name: string
  /** Tags to find the instance by later. */
  readonly tags?: readonly string[] | undefined
  /**
   * Opt-in: a key naming this provisioning, unique to it (a UUID, an order number…), kept on the
   * instance as the tag `plugboard-provisioning-key:<key>`. With it, `provision` first looks for
   * the instance an earlier attempt with the same key created (an answer lost to a dropped
   * connection or a timeout) and returns it, token included, instead of creating a second one;
   * and when its own `POST` is interrupted, it looks again before failing. At most 200
   * characters, no comma or line break.
   */
  readonly provisioningKey?: string | undefined
}

/**
 * What `POST /instances` needs to provision an instance of connector `C`: a name, the
 * configuration, and for an OAuth connector the `providerData` its callback returned (required
 * at compile time; a configuration-only connector refuses it). See {@link AuthorizedConfiguration}.
 *
 * @group Provisioning
 */
export type ProvisionRequest<C extends AnyConnector> = ProvisionFields & AuthorizedConfiguration<C>

/**
 * An instance envelope as parsed before its configuration is: the configuration is only known to
 * be a map here.
 */
export type InstanceEnvelope = Instance<Readonly<Record<string, unknown>>>

/**
 * A full update of an instance (`PUT /instances/{id}`).
 *
 * @group Instances
 */
export interface InstanceUpdate {
  /** The instance name. */
  readonly name: string
  /**
   * The configuration entries to store. What a GET returned may be given as it is (its typed
   * `configuration` included): with the connector given, it is checked by
   * `validateUpdateConfiguration` before anything is sent.
   */
  readonly configuration?: Readonly<Record<string, unknown>> | undefined
  /** The instance's tags (replacing the current ones). */
  readonly tags?: readonly string[] | undefined
  /** Whether events are enabled. */
  readonly eventsEnabled?: boolean | undefined
  /** Whether trace logging is enabled. */
  readonly traceLoggingEnabled?: boolean | undefined
  /** Whether caching is enabled. */
  readonly cachingEnabled?: boolean | undefined
  /** The cache time to live. */
  readonly cacheTimeToLive?: number | undefined
  /** The maximum cache size. */
  readonly maxCacheSize?: number | undefined
  /**
   * For OAuth connectors: re-authorises the instance with what the vendor returned to the OAuth
   * callback. The platform never echoes it.
   */
  readonly providerData?: ProviderData | undefined
}

/**
 * A partial update of an instance (`PATCH /instances/{id}`): `tags` replaces all tags.
 *
 * @group Instances
 */
export type InstancePatch = Partial<InstanceUpdate>

/**
 * Which instances `instances.list` returns.
 *
 * @group Instances
 */
export interface ListInstancesQuery {
  /** Only instances carrying these tags. */
  readonly tags?: readonly string[] | undefined
  /** A search on instance name and connector key. */
  readonly searchText?: string | undefined
  /** The page size. */
  readonly pageSize?: number | undefined
  /** The token of the page to fetch (from a previous page's `nextPage`). */
  readonly nextPage?: string | undefined
}

/**
 * One page of instances.
 *
 * @group Instances
 */
export interface InstancePage {
  /** The instances on this page. */
  readonly instances: readonly Instance[]
  /** The token of the next page (from the `elements-next-page-token` header), if there is one. */
  readonly nextPage?: string | undefined
}
