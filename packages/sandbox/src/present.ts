import type { AnyConnector } from '@plugboard/core'
import { connectorField, connectorIdField, MASK, type Vocabulary } from '@plugboard/core/protocol'
import { connectorFacts } from './connector-facts.js'
import type { InstanceRecord, StoredConfiguration } from './store.js'
import type { SandboxUser } from './users.js'

interface PresentedDescriptor {
  readonly object: Readonly<Record<string, unknown>>
  /** `"<connector field>":<descriptor as JSON>`, the fragment {@link instanceJson} splices in. */
  readonly member: string
}

const descriptors = new WeakMap<AnyConnector, Map<Vocabulary, PresentedDescriptor>>()

function buildDescriptor(
  connector: AnyConnector,
  vocabulary: Vocabulary,
): Readonly<Record<string, unknown>> {
  const { descriptor } = connector
  const idField = connectorIdField(vocabulary)
  return Object.freeze({
    ...descriptor,
    resources: Object.freeze([...descriptor.resources]),
    authentication: Object.freeze({ ...descriptor.authentication }),
    parameters: Object.freeze(
      descriptor.parameters.map((parameter) =>
        Object.freeze({ ...parameter, [idField]: descriptor.id }),
      ),
    ),
  })
}

function presented(connector: AnyConnector, vocabulary: Vocabulary): PresentedDescriptor {
  let byVocabulary = descriptors.get(connector)
  if (byVocabulary === undefined) {
    byVocabulary = new Map()
    descriptors.set(connector, byVocabulary)
  }
  let entry = byVocabulary.get(vocabulary)
  if (entry === undefined) {
    const object = buildDescriptor(connector, vocabulary)
    entry = {
      object,
      member: `${JSON.stringify(connectorField(vocabulary))}:${JSON.stringify(object)}`,
    }
    byVocabulary.set(vocabulary, entry)
  }
  return entry
}

/**
 * The connector's descriptor as the platform answers it: parameters carry the connector id field.
 * Built once per connector and vocabulary (a connector does not change once registered) and
 * frozen, since every answer shares it.
 */
export function presentDescriptor(
  connector: AnyConnector,
  vocabulary: Vocabulary,
): Readonly<Record<string, unknown>> {
  return presented(connector, vocabulary).object
}

/**
 * The configuration as the platform answers it: the values of password-type entries (the
 * connector's `masked` entries) shown as `********`; every other entry, API keys included, echoed.
 */
export function maskConfiguration(
  connector: AnyConnector,
  configuration: StoredConfiguration,
): StoredConfiguration {
  const { masked: maskedKeys } = connectorFacts(connector)
  const masked: StoredConfiguration = {}
  // Over the keys, not Object.entries: no pair array per entry (every answer masks a configuration).
  for (const key of Object.keys(configuration)) {
    const value = configuration[key] as string | null
    masked[key] = value !== null && maskedKeys.has(key) ? MASK : value
  }
  return masked
}

/**
 * {@link maskConfiguration} as JSON text; a connector without password-type entries has nothing
 * to mask, and its configuration is written as it is, without a masked copy.
 */
function maskedJson(connector: AnyConnector, configuration: StoredConfiguration): string {
  return JSON.stringify(
    connectorFacts(connector).masked.size === 0
      ? configuration
      : maskConfiguration(connector, configuration),
  )
}

/** Whether the instance's events are on: its `event.notification.enabled` entry says so. */
function eventsEnabled(record: InstanceRecord): boolean {
  return record.configuration['event.notification.enabled'] === 'true'
}

/** An instance as the platform answers it, in the given vocabulary, with its owner and token. */

export function presentInstance(
  record: InstanceRecord,
  connector: AnyConnector,
  vocabulary: Vocabulary,
  user: SandboxUser,
): Record<string, unknown> {
  return {
    id: record.id,
    name: record.name,
    ...(record.token === undefined ? {} : { token: record.token }),
    [connectorField(vocabulary)]: presentDescriptor(connector, vocabulary),
    provisionInteractions: [],
    valid: true,
    disabled: record.disabled,
    maxCacheSize: 0,
    cacheTimeToLive: 0,
    configuration: maskConfiguration(connector, record.configuration),
    eventsEnabled: eventsEnabled(record),
    traceLoggingEnabled: false,
    cachingEnabled: false,
    tags: [...record.tags],
    createdDate: record.createdDate,
    updatedDate: record.updatedDate,
    user,
  }
}

/**
 * {@link presentInstance} as JSON text, character for character what `JSON.stringify` makes of
 * it, built faster: the descriptor's JSON is made once per connector and vocabulary and spliced in.
 */
export function instanceJson(
  record: InstanceRecord,
  connector: AnyConnector,
  vocabulary: Vocabulary,
  user: SandboxUser,
): string {
  const { token } = record
  return `{"id":${JSON.stringify(record.id)},"name":${JSON.stringify(record.name)}${
    token === undefined ? '' : `,"token":${JSON.stringify(token)}`
  },${presented(connector, vocabulary).member},"provisionInteractions":[],"valid":true,"disabled":${
    record.disabled
  },"maxCacheSize":0,"cacheTimeToLive":0,"configuration":${maskedJson(
    connector,
    record.configuration,
  )},"eventsEnabled":${eventsEnabled(record)},"traceLoggingEnabled":false,"cachingEnabled":false,"tags":${JSON.stringify(
    record.tags,
  )},"createdDate":${JSON.stringify(record.createdDate)},"updatedDate":${JSON.stringify(
    record.updatedDate,
  )},"user":${JSON.stringify(user)}}`
}

/**
 * An instance as an unhydrated list (`GET /instances?hydrate=false`) answers it: only the fields
 * the platform's own tests require of every instance answer, no connector descriptor.
 */
export function leanInstanceJson(
  record: InstanceRecord,
  connector: AnyConnector,
  user: SandboxUser,
): string {
  return JSON.stringify({
    id: record.id,
    name: record.name,
    ...(record.token === undefined ? {} : { token: record.token }),
    valid: true,
    disabled: record.disabled,
    tags: record.tags,
    configuration: maskConfiguration(connector, record.configuration),
    user,
  })
}

/** One entry of `GET /instances/{id}/configuration`. */
export interface ConfigurationEntryBody {
  /** The entry's id within its instance (1-based position); the key works as an id too. */
  readonly id: number
  /** The configuration key. */
  readonly key: string
  /** The entry's name (the key). */
  readonly name: string
  /** The entry's description, from the connector's schema; empty for platform defaults. */
  readonly description: string
  /** The value (`********` for a set password-type entry), or `null`. */
  readonly propertyValue: string | null
  /** Whether provisioning needs the entry. */
  readonly required: boolean
  /** Whether the value is secret to plugboard (redacted by its client, sealed at rest). */
  readonly secret: boolean
  /** Whether the platform masks the value (`********`): password-type entries. */
  readonly masked: boolean
}

/** The configuration keys of an instance in a stable order: the schema's entries, then the rest. */
function orderedKeys(connector: AnyConnector, configuration: StoredConfiguration): string[] {
  const keys = new Set<string>()
  for (const entry of connectorFacts(connector).entries) keys.add(entry.key)
  for (const key of Object.keys(connector.defaults)) keys.add(key)
  for (const key of Object.keys(configuration)) keys.add(key)
  return [...keys]
}

/** The configuration entries of an instance, secret values masked. */
export function presentConfigurationEntries(
  record: InstanceRecord,
  connector: AnyConnector,
): ConfigurationEntryBody[] {
  const schema = connectorFacts(connector).byKey
  const masked = maskConfiguration(connector, record.configuration)
  return orderedKeys(connector, record.configuration).map((key, index) => {
    const entry = schema.get(key)
    return {
      id: index + 1,
      key,
      name: key,
      description: entry?.description ?? '',
      propertyValue: masked[key] ?? null,
      required: entry?.required ?? false,
      secret: entry?.secret ?? false,
      masked: entry?.masked ?? false,
    }
  })
}
