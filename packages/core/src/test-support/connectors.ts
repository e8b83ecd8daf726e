import * as v from 'valibot'
import { type ConnectorDescriptor, defineConnector } from '../connector.js'
import { SPECIFICATION_VERSION } from '../specification.js'

/** A descriptor for the test connectors (shaped like the platform's). */
export function testDescriptor(key: string, id: number): ConnectorDescriptor {
  return {
    id,
    name: key.toUpperCase(),
    key,
    description: `${key} test API`,
    image: 'https://example.test/logo.png',
    active: true,
    deleted: false,
    typeOauth: false,
    trialAccount: false,
    resources: [],
    transformationsEnabled: false,
    bulkDownloadEnabled: false,
    bulkUploadEnabled: false,
    cloneable: true,
    authentication: { type: 'basic' },
    hub: 'payment',
    parameters: [
      {
        id: 7,
        name: 'site',
        vendorName: 'site',
        type: 'configuration',
        vendorType: 'path',
        source: 'request',
        required: true,
      },
    ],
  }
}

/**
 * A test connector: `site` (required, lowercase), `apiKey` (required, secret), `region`
 * (optional, `eu` or `us`), `password` (optional, secret).
 */
export const acme = defineConnector({
  specificationVersion: SPECIFICATION_VERSION,
  key: 'acme',
  metadata: {
    displayName: 'Acme',
    description: 'Acme billing, for tests.',
    hub: 'payment',
    authentication: 'basic',
  },
  descriptor: testDescriptor('acme', 901),
  config: v.strictObject({
    site: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'expected a lowercase site name')),
    apiKey: v.pipe(v.string(), v.minLength(8), v.metadata({ secret: true })),
    region: v.optional(v.picklist(['eu', 'us'])),
    password: v.optional(v.pipe(v.string(), v.metadata({ secret: true }))),
  }),
  response: v.looseObject({
    site: v.string(),
    apiKey: v.string(),
    region: v.optional(v.nullable(v.string())),
    'base.url': v.string(),
    'pagination.max': v.pipe(v.string(), v.transform(Number)),
  }),
  defaults: { 'base.url': 'https://{site}.acme.test/api', 'pagination.max': '100' },
  sample: { site: 'acme-test', apiKey: 'acme_test_key_1' },
})

/** A second test connector with one optional entry. */
export const globex = defineConnector({
  specificationVersion: SPECIFICATION_VERSION,
  key: 'globex',
  metadata: {
    displayName: 'Globex',
    description: 'Globex CRM, for tests.',
    hub: 'crm',
    authentication: 'apikey',
  },
  descriptor: testDescriptor('globex', 902),
  config: v.strictObject({
    token: v.pipe(v.string(), v.nonEmpty(), v.metadata({ secret: true })),
    sandbox: v.optional(v.picklist(['true', 'false'])),
  }),
  response: v.looseObject({ token: v.string(), sandbox: v.optional(v.nullable(v.string())) }),
  defaults: {},
  sample: { token: 'globex_test_token' },
})
