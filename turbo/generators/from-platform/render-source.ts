import { isCallerEntry } from '@plugboard/core'
import {
  choiceEntries,
  oauthFlowOf,
  platformWrittenEntries,
  renderAuthorization,
  urlParametersOf,
} from './authorization.ts'
import type { PlatformDescription } from './description.ts'
import { lit, pascal, plain, sampleValue } from './names.ts'
import { HEADER } from './render-config.ts'

/** `src/defaults.ts`: the platform's settings. */
export function renderDefaults(key: string, description: PlatformDescription): string {
  const name = plain(description.connector.name)
  // The entries an OAuth flow writes are the platform's results, not defaults.
  const written = new Set(platformWrittenEntries(key, description.authorization))
  const lines = description.configuration
    .filter((entry) => !isCallerEntry(entry) && !written.has(entry.key))
    .map((entry) => {
      const value = entry.defaultValue === null ? 'null' : lit(entry.defaultValue)
      const ignore = /\$\{/.test(entry.defaultValue ?? '')
        ? "\n    // biome-ignore lint/suspicious/noTemplateCurlyInString: the platform's own placeholder, sent verbatim.\n    "
        : ' '
      return `  ${lit(entry.key)}:${ignore}${value},`
    })
  return `${HEADER}/**
 * The configuration entries the platform adds to every new ${name} instance, merged under the
 * caller's entries (${description.provenance.defaults.source}).
 */
export const ${key}Defaults = {
${lines.join('\n')}
} as const satisfies Record<string, string | null>
`
}

/** `src/descriptor.ts`. */
export function renderDescriptor(key: string, description: PlatformDescription): string {
  const { connector } = description
  const authentication = connector.authentication?.type ?? 'basic'
  return `${HEADER}import { type ConnectorDescriptor, defineDescriptor } from '@plugboard/core/define'

/**
 * The platform's descriptor of the ${plain(connector.name)} connector, as ${description.origin}
 * gives it; the fields not given here take the values most connectors have (see \`defineDescriptor\`).
 */
export const ${key}Descriptor: ConnectorDescriptor = defineDescriptor({
  id: ${connector.id},
  key: ${lit(key)},
  name: ${lit(plain(connector.name))},
  hub: ${lit(connector.hub ?? 'general')},
  description: ${lit(plain(connector.description ?? `${connector.name} API`))},
  typeOauth: ${connector.typeOauth === true},
  authentication: { type: ${lit(authentication)} },
})
`
}

/** The sample configuration: every required entry (for a choice, its OAuth choice's). */
function renderSample(description: PlatformDescription): string {
  const { authorization } = description
  const byKey = new Map(description.configuration.map((entry) => [entry.key, entry]))
  const chosen = choiceEntries(authorization)
  const values: [string, string][] = description.configuration
    .filter((entry) => isCallerEntry(entry) && entry.required && !chosen.has(entry.key))
    .map((entry) => [entry.key, sampleValue(entry)])
  if (authorization?.kind === 'choice') {
    const [value, option] =
      Object.entries(authorization.choices).find(
        ([, choice]) => choice.authorization.kind !== 'configuration',
      ) ??
      Object.entries(authorization.choices)[0] ??
      []
    const others = values.filter(([entry]) => entry !== authorization.entry)
    values.splice(
      0,
      values.length,
      ...(value === undefined ? [] : [[authorization.entry, value] as [string, string]]),
      ...others,
    )
    for (const entry of option?.requires ?? []) {
      const described = byKey.get(entry)
      if (chosen.has(entry) && described !== undefined) values.push([entry, sampleValue(described)])
    }
  }
  return values.map(([entry, value]) => `${lit(entry)}: ${lit(value)}`).join(', ')
}

/** The \`@example\` of \`src/connector.ts\`: provisioning, through the OAuth flow for an OAuth connector. */
function renderExample(key: string, name: string, description: PlatformDescription): string {
  const { authorization } = description
  if (oauthFlowOf(authorization) === undefined) {
    return ` * import { createPlatformClient, createRegistry } from '@plugboard/core'
 * import { ${key} } from '@plugboard/connector-${key}'
 *
 * const registry = createRegistry().register(${key})
 * const client = createPlatformClient({ baseUrl, userSecret, organizationSecret })
 * const instance = await client.provision(registry.get(${lit(key)}), {
 *   name: ${lit(name)},
 *   configuration: ${key}.sample,
 * })`
  }
  const extra = urlParametersOf(authorization)
    .filter((parameter) => parameter !== 'state')
    .map(
      (parameter) =>
        `, ${parameter}: ${lit(parameter === 'scope' ? 'read' : 'vendor.example.com')}`,
    )
    .join('')
  return ` * import { createPlatformClient } from '@plugboard/core'
 * import { ${key} } from '@plugboard/connector-${key}'
 *
 * const client = createPlatformClient({ baseUrl, userSecret, organizationSecret })
 * // your OAuth app at the vendor: its oauth.api.key, oauth.api.secret and oauth.callback.url
 * const flow = await client.oauth.start(${key}, { apiKey, apiSecret, callbackUrl${extra} })
 * // send the user to flow.url; the vendor sends them back to callbackUrl
 * const instance = await client.provision(${key}, {
 *   name: ${lit(name)},
 *   configuration: ${key}.sample,
 *   providerData: client.oauth.complete(flow, callbackRequestUrl),
 * })`
}

/** \`src/connector.ts\`. */
export function renderConnector(key: string, description: PlatformDescription): string {
  const { connector, authorization } = description
  const name = plain(connector.name)
  const hub = connector.hub ?? 'general'
  const authentication = connector.authentication?.type ?? 'basic'
  const sample = renderSample(description)
  // A choice's sample is one choice's entries: a partial override could not say which.
  const spreadSample =
    authorization?.kind === 'choice' ? '' : `${sample === '' ? '' : ', '}...overrides.sample`
  const declared =
    authorization === undefined || authorization.kind === 'configuration'
      ? ''
      : `\n  authorization: ${renderAuthorization(authorization)},`
  return `${HEADER}import { defineConnector, SPECIFICATION_VERSION } from '@plugboard/core/define'
import { ${key}Config } from './config.js'
import { ${key}Defaults } from './defaults.js'
import { ${key}Descriptor } from './descriptor.js'
import { overrides } from './overrides.js'
import { ${key}InstanceConfiguration } from './response.js'

/**
 * The ${name} connector (platform key \`${key}\`, ${hub} hub, ${authentication} authentication).
 *
 * @example
 * \`\`\`ts
${renderExample(key, name, description)}
 * // keep instance.token: every later call for this instance needs it
 * \`\`\`
 */
export const ${key} = defineConnector({
  specificationVersion: SPECIFICATION_VERSION,
  key: ${lit(key)},
  metadata: {
    displayName: ${lit(name)},
    description: ${lit(`The ${name} API.`)},
    hub: ${lit(hub)},
    authentication: ${lit(authentication)},
    ...overrides.metadata,
  },
  descriptor: ${key}Descriptor,${declared}
  config: ${key}Config,
  response: ${key}InstanceConfiguration,
  defaults: ${key}Defaults,
  sample: { ${sample}${spreadSample}},
})

/** The type of the ${name} connector definition. */
export type ${pascal(key)}Connector = typeof ${key}
`
}

/** `src/overrides.ts`: written once, never regenerated; the place for hand edits. */
export function renderOverrides(key: string, description: PlatformDescription): string {
  if (description.authorization?.kind === 'choice') {
    return `import type { ConnectorMetadata } from '@plugboard/core/define'

/**
 * Hand edits of the generated ${key} connector: \`pnpm gen:connector --from-platform ${key}\` never
 * rewrites this file. Give a better description or a homepage.
 */
export const overrides: {
  readonly metadata?: Partial<Pick<ConnectorMetadata, 'description' | 'homepage'>>
} = {}
`
  }
  return `import type { ConnectorMetadata } from '@plugboard/core/define'
import type { ${pascal(key)}Configuration } from './config.js'

/**
 * Hand edits of the generated ${key} connector: \`pnpm gen:connector --from-platform ${key}\` never
 * rewrites this file. Give a better description or a homepage, or a more telling sample.
 */
export const overrides: {
  readonly metadata?: Partial<Pick<ConnectorMetadata, 'description' | 'homepage'>>
  readonly sample?: Partial<${pascal(key)}Configuration>
} = {}
`
}

/** \`src/index.ts\`. */
export function renderIndex(key: string, description: PlatformDescription): string {
  const P = pascal(key)
  return `${HEADER}/**
 * \`@plugboard/connector-${key}\`: the ${plain(description.connector.name)} connector for plugboard, generated from the
 * platform's description.
 *
 * @packageDocumentation
 */

export { type ${P}Configuration, ${key}Config } from './config.js'
export { type ${P}Connector, ${key} } from './connector.js'
export { ${key}Defaults } from './defaults.js'
export { ${key}Descriptor } from './descriptor.js'
export { type ${P}InstanceConfiguration, ${key}InstanceConfiguration } from './response.js'
`
}

/** \`src/connector.test.ts\`: the conformance kit and the required entries. */
export function renderTest(key: string, description: PlatformDescription): string {
  const { authorization } = description
  const chooser = authorization?.kind === 'choice' ? [authorization.entry] : []
  const chosen = choiceEntries(authorization)
  const required = [
    ...chooser,
    ...description.configuration
      .filter((entry) => isCallerEntry(entry) && entry.required && !chosen.has(entry.key))
      .map((entry) => entry.key)
      .filter((entry) => !chooser.includes(entry)),
  ]
  return `${HEADER}import { ConfigurationError, validateConfiguration } from '@plugboard/core'
import { testConnector } from '@plugboard/core/testing'
import { describe, expect, it } from 'vitest'
import { ${key} } from './connector.js'

testConnector(${key})

describe('the ${key} connector', () => {
  it('names every required entry of an empty configuration', () => {
    let error: unknown
    try {
      validateConfiguration(${key}, {})
    } catch (caught) {
      error = caught
    }
    expect(ConfigurationError.isInstance(error) && error.missing).toEqual(${JSON.stringify(required)})
  })
})
`
}
