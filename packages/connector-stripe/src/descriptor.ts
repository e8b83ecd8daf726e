import { type ConnectorDescriptor, defineDescriptor } from '@plugboard/core/define'

/**
 * The platform's descriptor of the Stripe connector. The platform's documentation does not
 * publish Stripe's descriptor: the id (`326`) and the image URL are plugboard's stand-ins, shaped
 * like Chargebee's published descriptor.
 */
export const stripeDescriptor: ConnectorDescriptor = defineDescriptor({
  id: 326,
  key: 'stripe',
  name: 'Stripe',
  hub: 'payment',
  image: 'https://hfweb-assets.s3.amazonaws.com/integrations/stripe.png',
})
