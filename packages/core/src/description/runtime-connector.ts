import * as v from 'valibot'
import type { AnyConnector, ConfigurationValue } from '../connector.js'
import { defineDescriptor } from '../descriptor.js'
import { InvalidArgumentError } from '../errors/invalid-argument-error.js'
import type { InstanceConnector } from '../instance.js'
import { SPECIFICATION_VERSION } from '../specification.js'
import { type ConnectorConfigurationEntry, connectorConfigurationSchema } from './schemas.js'

/**
 * What the platform says of a connector: its descriptor (`GET /elements/{keyOrId}`) and its
 * configuration (`GET /elements/{keyOrId}/configuration`).
 */
export interface ConnectorDescription {
  /** The descriptor, as `client.connectors.get` returns it. */
  readonly connector: Pick<InstanceConnector, 'id' | 'key' | 'name'> & Partial<InstanceConnector>
  /** The configuration entries, as `client.connectors.configuration` returns them. */
  readonly configuration: readonly ConnectorConfigurationEntry[]
}

/**
 * Whether an entry is the caller's to give (it goes into the configuration schema) rather than a
 * platform setting with a default (it goes into the connector's defaults): hidden entries and
 * entries with a default value are settings.
 */
export function isCallerEntry(entry: ConnectorConfigurationEntry): boolean {
  return !entry.hideFromConsole && (entry.defaultValue === null || entry.required)
}

/** The maximum length a `TEXTFIELD_<n>` type allows, or `undefined`. */
export function textLimitOf(type: string): number | undefined {
  const match = /^TEXTFIELD_([0-9]+)$/.exec(type)
  return match === null ? undefined : Number(match[1])
}

function entrySchema(entry: ConnectorConfigurationEntry): v.GenericSchema {
  const described = entry.description === '' ? `${entry.name}.` : entry.description
  if (entry.type === 'BOOLEAN') {
    const schema = v.pipe(
      v.union([v.boolean(), v.picklist(['true', 'false'])], `expected true or false`),
      v.description(described),
    )
    return entry.required ? schema : v.optional(schema)
  }
  const limit = textLimitOf(entry.type) ?? 4096
  const secret = entry.type === 'PASSWORD'
  const schema = v.pipe(
    v.string(`expected ${entry.name} as a string`),
    v.nonEmpty(`expected ${entry.name}`),
    v.maxLength(limit, `expected at most ${limit} characters`),
    v.description(described),
    v.metadata({ secret, masked: secret }),
  )
  return entry.required ? schema : v.optional(schema)
}

function sampleOf(entry: ConnectorConfigurationEntry): string {
  if (entry.type === 'BOOLEAN') return 'false'
  if (entry.type === 'PASSWORD') return 'fake-secret-value'
  return /url/i.test(entry.key) ? 'https://example.test' : 'sample'
}

/**
 * Builds a connector at run time from the platform's description of it, so an application can
 * provision a connector it has no package for. The configuration is validated like a package's:
 * required entries are named when missing, unknown entries are refused, secrets are masked in
 * errors. The trade-off: the connector's types are as wide as {@link AnyConnector} (its key is a
 * `string`, its configuration `Record<string, unknown>`), since they are known only at run time;
 * a generated package (`pnpm gen:connector --from-platform <key>`) has them statically.
 *
 * @throws {@link InvalidArgumentError} when the description is not one (no key, a malformed entry).
 *
 * @example
 * ```ts
 * const connector = connectorFromDescription({
 *   connector: await client.connectors.get('pipedrive'),
 *   configuration: await client.connectors.configuration('pipedrive'),
 * })
 * await client.provision(connector, { name: 'Sales', configuration: { 'pipedrive.email': 'a@b.test', 'pipedrive.password': secret } })
 * ```
 */
export function connectorFromDescription(description: ConnectorDescription): AnyConnector {
  const { connector } = description
  if (typeof connector?.key !== 'string' || connector.key === '') {
    throw new InvalidArgumentError({
      argument: 'description',
      message: 'The description must carry the connector descriptor with its key.',
    })
  }
  const parsed = v.safeParse(connectorConfigurationSchema, description.configuration)
  if (!parsed.success) {
    throw new InvalidArgumentError({
      argument: 'description',
      message: `The description of connector "${connector.key}" has a malformed configuration entry: ${parsed.issues[0].message}.`,
    })
  }
  const entries = parsed.output
  const callers = entries.filter(isCallerEntry)
  const defaults: Record<string, ConfigurationValue> = {}
  for (const entry of entries) if (!isCallerEntry(entry)) defaults[entry.key] = entry.defaultValue
  const hub = connector.hub ?? 'general'
  const authentication = connector.authentication?.type ?? 'basic'
  return {
    specificationVersion: SPECIFICATION_VERSION,
    key: connector.key,
    metadata: {
      displayName: connector.name,
      description: connector.description ?? `${connector.name} API`,
      hub,
      authentication,
    },
    descriptor: defineDescriptor({
      id: connector.id,
      key: connector.key,
      name: connector.name,
      hub,
      authentication: { type: authentication },
      description: connector.description ?? `${connector.name} API`,
      typeOauth: connector.typeOauth ?? false,
      active: connector.active ?? false,
    }),
    // An OAuth connector's provisioning needs providerData; the description says no more of it.
    ...(authentication === 'oauth2' || authentication === 'oauth1'
      ? { authorization: { kind: authentication } }
      : {}),
    config: v.strictObject(
      Object.fromEntries(callers.map((entry) => [entry.key, entrySchema(entry)])),
    ),
    response: v.record(v.string(), v.nullish(v.string())),
    defaults,
    sample: Object.fromEntries(
      callers.filter((entry) => entry.required).map((entry) => [entry.key, sampleOf(entry)]),
    ),
  }
}
