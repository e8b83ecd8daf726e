import type { ConnectorDescriptor } from '@plugboard/core'

/** The platform's descriptor of the Chargebee connector, as the spec's instance response shows it. */
export const chargebeeDescriptor: ConnectorDescriptor = {
  id: 451,
  name: 'Chargebee',
  key: 'chargebee',
  description: 'Chargebee API',
  image: 'https://hfweb-assets.s3.amazonaws.com/integrations/chargebee.png',
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
      required: false,
    },
  ],
}
