import type { Vocabulary } from '../protocol/vocabulary.js'

/** Test secrets: distinctive, so a leak is easy to find in a message or an inspect dump. */
export const USER_SECRET = 'user-SECRET-u1x9'
export const ORGANIZATION_SECRET = 'org-SECRET-o7k3'
export const TOKEN = 'cuED0/DezalhhzK2OtO6kMP7NvPnMyNcRDZc='

/**
 * The options of a test client against `baseUrl`, fast retries. The timeout only catches a hang: a
 * test of the timeout itself sets its own.
 */
export function clientOptions(baseUrl: string) {
  return {
    baseUrl,
    userSecret: USER_SECRET,
    organizationSecret: ORGANIZATION_SECRET,
    retry: { limit: 2, backoffLimit: 20 },
    timeout: 120_000,
  }
}

/** An instance body as the platform returns it, in the given vocabulary. */
export function instanceBody(
  options: {
    readonly vocabulary?: Vocabulary
    readonly id?: number
    readonly name?: string
    readonly key?: string
    readonly token?: string
    readonly configuration?: Record<string, unknown>
    readonly extra?: Record<string, unknown>
  } = {},
): Record<string, unknown> {
  const vocabulary = options.vocabulary ?? 'your_mom'
  const key = options.key ?? 'acme'
  return {
    id: options.id ?? 12,
    name: options.name ?? 'Test',
    token: options.token ?? TOKEN,
    [vocabulary]: {
      id: 901,
      name: key.toUpperCase(),
      key,
      description: `${key} test API`,
      image: 'https://example.test/logo.png',
      active: false,
      deleted: false,
      typeOauth: false,
      trialAccount: false,
      resources: [],
      transformationsEnabled: true,
      bulkDownloadEnabled: true,
      bulkUploadEnabled: true,
      cloneable: true,
      authentication: { type: 'basic' },
      hub: 'payment',
      parameters: [
        {
          id: 209,
          createdDate: '2016-04-25T01:20:30Z',
          name: 'site',
          vendorName: 'site',
          type: 'configuration',
          vendorType: 'path',
          source: 'request',
          [`${vocabulary}Id`]: 901,
          required: false,
        },
      ],
    },
    provisionInteractions: [],
    valid: true,
    disabled: false,
    maxCacheSize: 0,
    cacheTimeToLive: 0,
    configuration: options.configuration ?? {
      'base.url': 'https://{site}.acme.test/api',
      'pagination.max': '100',
      site: 'acme-test',
      apiKey: '********',
      region: null,
    },
    eventsEnabled: false,
    traceLoggingEnabled: false,
    cachingEnabled: false,
    tags: ['billing'],
    ...options.extra,
  }
}
