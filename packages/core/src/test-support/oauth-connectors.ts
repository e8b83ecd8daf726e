import * as v from 'valibot'
import { defineConnector } from '../connector.js'
import { SPECIFICATION_VERSION } from '../specification.js'
import { testDescriptor } from './connectors.js'

const secret = (description: string) =>
  v.pipe(
    v.string(),
    v.nonEmpty(),
    v.description(description),
    v.metadata({ secret: true, masked: true }),
  )

/** The entries every OAuth test connector takes. */
const oauthEntries = {
  'oauth.api.key': secret('The OAuth client id'),
  'oauth.api.secret': secret('The OAuth client secret'),
  'oauth.callback.url': v.pipe(v.string(), v.url(), v.description('The OAuth callback URL')),
}

const descriptor = (key: string, id: number, type: string) => ({
  ...testDescriptor(key, id),
  hub: 'crm',
  typeOauth: type !== 'apiKey',
  authentication: { type },
})

/** A connector authorising with OAuth 2.0 or an API key, chosen by `authentication.type`. */
export const crmly = defineConnector({
  specificationVersion: SPECIFICATION_VERSION,
  key: 'crmly',
  metadata: {
    displayName: 'Crmly',
    description: 'For tests.',
    hub: 'crm',
    authentication: 'oauth2',
  },
  descriptor: descriptor('crmly', 911, 'oauth2'),
  authorization: {
    kind: 'choice',
    entry: 'authentication.type',
    choices: {
      oauth2: {
        authorization: { kind: 'oauth2', urlParameters: ['scope'] },
        requires: ['oauth.api.key', 'oauth.api.secret', 'oauth.callback.url'],
      },
      apiKey: { authorization: { kind: 'configuration' }, requires: ['crmly.apikey'] },
    },
  },
  config: v.variant('authentication.type', [
    v.strictObject({
      'authentication.type': v.pipe(v.literal('oauth2'), v.description('How to authorise')),
      ...oauthEntries,
      'crmly.bulk': v.optional(v.pipe(v.picklist(['true', 'false']), v.description('Bulk'))),
    }),
    v.strictObject({
      'authentication.type': v.pipe(v.literal('apiKey'), v.description('How to authorise')),
      'crmly.apikey': v.pipe(
        v.string(),
        v.nonEmpty(),
        v.description('The API key'),
        v.metadata({ secret: true }),
      ),
      'crmly.bulk': v.optional(v.pipe(v.picklist(['true', 'false']), v.description('Bulk'))),
    }),
  ]),
  response: v.looseObject({ 'authentication.type': v.optional(v.nullable(v.string())) }),
  defaults: {},
  sample: {
    'authentication.type': 'oauth2',
    'oauth.api.key': 'crmly-client-id-fake',
    'oauth.api.secret': 'crmly-client-secret-fake',
    'oauth.callback.url': 'https://app.example.test/oauth/callback',
  },
})

/** A connector authorising with OAuth 2.0, its URL taking `siteAddress` and `state`. */
export const salesy = defineConnector({
  specificationVersion: SPECIFICATION_VERSION,
  key: 'salesy',
  metadata: {
    displayName: 'Salesy',
    description: 'For tests.',
    hub: 'crm',
    authentication: 'oauth2',
  },
  descriptor: descriptor('salesy', 912, 'oauth2'),
  authorization: { kind: 'oauth2', urlParameters: ['siteAddress', 'state'] },
  config: v.strictObject(oauthEntries),
  response: v.looseObject({}),
  defaults: {},
  sample: {
    'oauth.api.key': 'salesy-client-id-fake',
    'oauth.api.secret': 'salesy-client-secret-fake',
    'oauth.callback.url': 'https://app.example.test/oauth/callback',
  },
})

/** A connector authorising with OAuth 1.0a, keeping the callback's `realmId`. */
export const booksy = defineConnector({
  specificationVersion: SPECIFICATION_VERSION,
  key: 'booksy',
  metadata: {
    displayName: 'Booksy',
    description: 'For tests.',
    hub: 'crm',
    authentication: 'oauth1',
  },
  descriptor: descriptor('booksy', 913, 'oauth1'),
  authorization: { kind: 'oauth1', callbackValues: ['realmId'] },
  config: v.strictObject(oauthEntries),
  response: v.looseObject({}),
  defaults: {},
  sample: {
    'oauth.api.key': 'booksy-consumer-key-fake',
    'oauth.api.secret': 'booksy-consumer-secret-fake',
    'oauth.callback.url': 'https://app.example.test/oauth/callback',
  },
})
