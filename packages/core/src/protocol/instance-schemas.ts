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

const optionalString = /* @__PURE__ */ v.optional(/* @__PURE__ */ v.string())
const optionalBoolean = /* @__PURE__ */ v.optional(/* @__PURE__ */ v.boolean())

/** The schema of one descriptor parameter, after `your_momId` / `elementId` became `connectorId`. */
export const instanceConnectorParameterSchema: v.GenericSchema<
  unknown,
  InstanceConnectorParameter
> = /* @__PURE__ */ v.looseObject({
  id: /* @__PURE__ */ v.number(),
  name: /* @__PURE__ */ v.string(),
  connectorId: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.number()),
  createdDate: optionalString,
  vendorName: optionalString,
  type: optionalString,
  vendorType: optionalString,
  source: optionalString,
  required: optionalBoolean,
})

/** The schema of a connector descriptor in a platform response (lenient). */
export const instanceConnectorSchema: v.GenericSchema<unknown, InstanceConnector> =
  /* @__PURE__ */ v.looseObject({
    id: /* @__PURE__ */ v.number(),
    key: /* @__PURE__ */ v.string(),
    name: /* @__PURE__ */ v.string(),
    description: optionalString,
    image: optionalString,
    active: optionalBoolean,
    deleted: optionalBoolean,
    typeOauth: optionalBoolean,
    trialAccount: optionalBoolean,
    resources: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.array(/* @__PURE__ */ v.unknown())),
    transformationsEnabled: optionalBoolean,
    bulkDownloadEnabled: optionalBoolean,
    bulkUploadEnabled: optionalBoolean,
    cloneable: optionalBoolean,
    authentication: /* @__PURE__ */ v.optional(
      /* @__PURE__ */ v.looseObject({ type: /* @__PURE__ */ v.string() }),
    ),
    hub: optionalString,
    parameters: /* @__PURE__ */ v.optional(
      /* @__PURE__ */ v.array(instanceConnectorParameterSchema),
    ),
  })

/**
 * The schema of a configuration value when no connector types it: a string or `null`; numbers
 * and booleans are accepted and turned into strings.
 */
export const configurationValueSchema: v.GenericSchema<
  string | number | boolean | null,
  ConfigurationValue
> = /* @__PURE__ */ v.union([
  /* @__PURE__ */ v.string(),
  /* @__PURE__ */ v.null(),
  /* @__PURE__ */ v.pipe(
    /* @__PURE__ */ v.union([/* @__PURE__ */ v.number(), /* @__PURE__ */ v.boolean()]),
    /* @__PURE__ */ v.transform(String),
  ),
])

/** The schema of an instance's `configuration` map when no connector types it. */
export const genericInstanceConfigurationSchema: v.GenericSchema<
  Record<string, string | number | boolean | null>,
  GenericInstanceConfiguration
> = /* @__PURE__ */ v.record(/* @__PURE__ */ v.string(), configurationValueSchema)

/** The schema of the platform user who owns an instance (lenient: every field optional but `id`). */
export const instanceUserSchema: v.GenericSchema<unknown, InstanceUser> =
  /* @__PURE__ */ v.looseObject({
    id: /* @__PURE__ */ v.union([/* @__PURE__ */ v.number(), /* @__PURE__ */ v.string()]),
    emailAddress: optionalString,
    firstName: optionalString,
    lastName: optionalString,
  })

/**
 * The schema of an instance envelope (after the connector field was normalized to `connector`).
 * Lenient: unknown fields are kept, and only the fields the platform's own tests require are. The `configuration` map is checked to be an object here and
 * parsed separately, with the connector's response schema when the connector is known.
 */
export const instanceEnvelopeSchema: v.GenericSchema<unknown, InstanceEnvelope> =
  /* @__PURE__ */ v.looseObject({
    // What the platform's own tests require of every instance answer (an unhydrated list item
    // included): id, name and configuration. Every other field is checked only when present.
    id: /* @__PURE__ */ v.number(),
    name: /* @__PURE__ */ v.string(),
    token: optionalString,
    connector: /* @__PURE__ */ v.optional(instanceConnectorSchema),
    configuration: /* @__PURE__ */ v.record(
      /* @__PURE__ */ v.string(),
      /* @__PURE__ */ v.unknown(),
    ),
    user: /* @__PURE__ */ v.optional(instanceUserSchema),
    provisionInteractions: /* @__PURE__ */ v.optional(
      /* @__PURE__ */ v.array(/* @__PURE__ */ v.unknown()),
    ),
    valid: optionalBoolean,
    disabled: optionalBoolean,
    maxCacheSize: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.number()),
    cacheTimeToLive: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.number()),
    eventsEnabled: optionalBoolean,
    traceLoggingEnabled: optionalBoolean,
    cachingEnabled: optionalBoolean,
    tags: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.array(/* @__PURE__ */ v.string())),
    createdDate: optionalString,
    updatedDate: optionalString,
  })

/** The schema of one configuration entry (`GET /instances/{id}/configuration`). */
export const configurationEntrySchema: v.GenericSchema<unknown, ConfigurationEntryRecord> =
  /* @__PURE__ */ v.looseObject({
    id: /* @__PURE__ */ v.number(),
    key: /* @__PURE__ */ v.string(),
    name: optionalString,
    propertyValue: /* @__PURE__ */ v.optional(configurationValueSchema, null),
    required: optionalBoolean,
  })
