import { createPlatformClient, createRegistry } from '@plugboard/core'
import {
  loadCatalogue,
  SANDBOX_ORGANIZATION_SECRET,
  SANDBOX_USER_SECRET,
  startSandbox,
} from '@plugboard/sandbox'
import { authorizationOf } from './authorization.ts'
import type { PlatformDescription, Provenance } from './description.ts'

/** Where to read a connector's description from. */
export interface ReadOptions {
  /** A platform's API root; the embedded sandbox's catalogue when absent. */
  readonly baseUrl?: string | undefined
  /** The secrets for `baseUrl` (from `PLUGBOARD_USER_SECRET` / `PLUGBOARD_ORGANIZATION_SECRET`). */
  readonly userSecret?: string | undefined
  readonly organizationSecret?: string | undefined
}

const PLATFORM: Provenance = { confidence: 'platform', source: "the platform's own description" }

/** Reads the description of `key` over HTTP from a platform's API root. */
async function readFrom(
  baseUrl: string,
  userSecret: string,
  organizationSecret: string,
  key: string,
): Promise<Pick<PlatformDescription, 'connector' | 'configuration'>> {
  const client = createPlatformClient({
    baseUrl,
    userSecret,
    organizationSecret,
    vocabulary: 'element',
  })
  const [connector, configuration] = await Promise.all([
    client.connectors.get(key),
    client.connectors.configuration(key),
  ])
  return { connector, configuration }
}

/**
 * The description of connector `key`: by default from a sandbox started on a loopback port that
 * serves the catalogue alone (no package takes precedence, so regenerating a package reads the
 * same description), with the catalogue's confidence in each fact; or from a real platform.
 */
export async function readDescription(
  key: string,
  options: ReadOptions = {},
): Promise<PlatformDescription> {
  if (options.baseUrl !== undefined) {
    if (!options.userSecret || !options.organizationSecret) {
      throw new Error(
        'Reading a platform needs its secrets: set PLUGBOARD_USER_SECRET and PLUGBOARD_ORGANIZATION_SECRET.',
      )
    }
    const read = await readFrom(
      options.baseUrl,
      options.userSecret,
      options.organizationSecret,
      key,
    )
    const entries = Object.fromEntries(read.configuration.map((entry) => [entry.key, PLATFORM]))
    // A platform names the kind; its URL parameters are not described (nothing is refused).
    const kind = read.connector.authentication?.type
    return {
      ...read,
      authorization: kind === 'oauth2' || kind === 'oauth1' ? { kind } : undefined,
      origin: `the platform at ${new URL(options.baseUrl).origin}`,
      provenance: {
        hub: PLATFORM,
        authentication: PLATFORM,
        entries,
        defaults: PLATFORM,
        issues: [],
      },
    }
  }
  const running = await startSandbox({
    port: 0,
    database: ':memory:',
    registry: createRegistry(),
    vocabulary: 'element',
  })
  try {
    const read = await readFrom(
      running.baseUrl,
      SANDBOX_USER_SECRET,
      SANDBOX_ORGANIZATION_SECRET,
      key,
    )
    const catalogue = loadCatalogue()
    const element = catalogue.get(key) as unknown as {
      hubConfidence?: string | null
      authentication: string
      oauth?: { urlQueryParameters: string[] }
      authenticationConfidence?: string
      configuration: { key: string; requiredSource?: string }[]
      issues?: string[]
    }
    const catalogued = (confidence: string | null | undefined, what: string): Provenance => ({
      confidence: confidence ?? 'unknown',
      source: `the platform's developer portal page (${what})`,
    })
    const required = read.configuration
      .filter((entry) => entry.required && !entry.hideFromConsole)
      .map((entry) => entry.key)
    return {
      ...read,
      authorization: authorizationOf(key, element, required),
      origin: "the embedded sandbox's catalogue",
      provenance: {
        hub: catalogued(element.hubConfidence, 'hub'),
        authentication: catalogued(element.authenticationConfidence, 'authentication'),
        entries: Object.fromEntries(
          element.configuration.map((entry) => [
            entry.key,
            catalogued(
              entry.requiredSource,
              entry.requiredSource === 'table' ? 'parameter table' : 'sample request',
            ),
          ]),
        ),
        defaults: {
          confidence: 'medium',
          source: "its page's sample instance, which some pages copied from another connector",
        },
        issues: element.issues ?? [],
      },
    }
  } finally {
    await running.close()
  }
}
