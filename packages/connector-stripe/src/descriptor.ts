import type { ConnectorDescriptor } from '@plugboard/core'

/**
 * The platform's descriptor of the Stripe connector. The platform's documentation does not
 * publish Stripe's descriptor: the id (`326`) and the image URL are plugboard's stand-ins, shaped
 * like Chargebee's published descriptor.
 */
export const stripeDescriptor: ConnectorDescriptor = {
  id: 326,
  name: 'Stripe',
  key: 'stripe',
  description: 'Stripe API',
  image: 'https://hfweb-assets.s3.amazonaws.com/integrations/stripe.png',
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
