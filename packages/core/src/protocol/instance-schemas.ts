import * as v from 'valibot'
import type { ConfigurationValue } from '../connector.js'
import type {
  ConfigurationEntryRecord,
  GenericInstanceConfiguration,
  InstanceConnector,
  InstanceConnectorParameter,
  InstanceEnvelope,
  InstanceUser,
} from '../instance.js'

const optionalString = v.optional(v.string())
const optionalBoolean = v.optional(v.boolean())

/** The schema of one descriptor parameter, after `your_momId` / `elementId` became `connectorId`. */
export const instanceConnectorParameterSchema: v.GenericSchema<
  unknown,
  InstanceConnectorParameter
> = v.looseObject({
  id: v.number(),
  name: v.string(),
  connectorId: v.optional(v.number()),
  createdDate: optionalString,
  vendorName: optionalString,
  type: optionalString,
  vendorType: optionalString,
  source: optionalString,
  required: optionalBoolean,
})

/** The schema of a connector descriptor in a platform response (lenient). */
export const instanceConnectorSchema: v.GenericSchema<unknown, InstanceConnector> = v.looseObject({
  id: v.number(),
  key: v.string(),
  name: v.string(),
  description: optionalString,
  image: optionalString,
  active: optionalBoolean,
  deleted: optionalBoolean,
  typeOauth: optionalBoolean,
  trialAccount: optionalBoolean,
  resources: v.optional(v.array(v.unknown())),
  transformationsEnabled: optionalBoolean,
  bulkDownloadEnabled: optionalBoolean,
  bulkUploadEnabled: optionalBoolean,
  cloneable: optionalBoolean,
  authentication: v.optional(v.looseObject({ type: v.string() })),
  hub: optionalString,
  parameters: v.optional(v.array(instanceConnectorParameterSchema)),
})

/**
 * The schema of a configuration value when no connector types it: a string or `null`; numbers
 * and booleans are accepted and turned into strings.
 */
export const configurationValueSchema: v.GenericSchema<
  string | number | boolean | null,
  ConfigurationValue
> = v.union([v.string(), v.null(), v.pipe(v.union([v.number(), v.boolean()]), v.transform(String))])

/** The schema of an instance's `configuration` map when no connector types it. */
export const genericInstanceConfigurationSchema: v.GenericSchema<
  Record<string, string | number | boolean | null>,
  GenericInstanceConfiguration
> = v.record(v.string(), configurationValueSchema)

/** The schema of the platform user who owns an instance (lenient: every field optional but `id`). */
export const instanceUserSchema: v.GenericSchema<unknown, InstanceUser> = v.looseObject({
  id: v.union([v.number(), v.string()]),
  emailAddress: optionalString,
  firstName: optionalString,
  lastName: optionalString,
})

/**
 * The schema of an instance envelope (after the connector field was normalized to `connector`).
 * Lenient: unknown fields are kept, and only the fields the platform's own tests require are. The `configuration` map is checked to be an object here and
 * parsed separately, with the connector's response schema when the connector is known.
 */
export const instanceEnvelopeSchema: v.GenericSchema<unknown, InstanceEnvelope> = v.looseObject({
  // What the platform's own tests require of every instance answer (an unhydrated list item
  // included): id, name and configuration. Every other field is checked only when present.
  id: v.number(),
  name: v.string(),
  token: optionalString,
  connector: v.optional(instanceConnectorSchema),
  configuration: v.record(v.string(), v.unknown()),
  user: v.optional(instanceUserSchema),
  provisionInteractions: v.optional(v.array(v.unknown())),
  valid: optionalBoolean,
  disabled: optionalBoolean,
  maxCacheSize: v.optional(v.number()),
  cacheTimeToLive: v.optional(v.number()),
  eventsEnabled: optionalBoolean,
  traceLoggingEnabled: optionalBoolean,
  cachingEnabled: optionalBoolean,
  tags: v.optional(v.array(v.string())),
  createdDate: optionalString,
  updatedDate: optionalString,
})

/** The schema of one configuration entry (`GET /instances/{id}/configuration`). */
export const configurationEntrySchema: v.GenericSchema<unknown, ConfigurationEntryRecord> =
  v.looseObject({
    id: v.number(),
    key: v.string(),
    name: optionalString,
    propertyValue: v.optional(configurationValueSchema, null),
    required: optionalBoolean,
  })
