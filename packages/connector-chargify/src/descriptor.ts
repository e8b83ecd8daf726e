import type { ConnectorDescriptor } from '@plugboard/core'

/**
 * The platform's descriptor of the Chargify connector. The platform's documentation does not
 * publish Chargify's descriptor: the id (`388`) and the image URL are plugboard's stand-ins,
 * shaped like Chargebee's published descriptor.
 */
export const chargifyDescriptor: ConnectorDescriptor = {
  id: 388,
  name: 'Chargify',
  key: 'chargify',
  description: 'Chargify API',
  image: 'https://hfweb-assets.s3.amazonaws.com/integrations/chargify.png',
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
  parameters: [],
}
