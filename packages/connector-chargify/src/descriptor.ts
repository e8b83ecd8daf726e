import { type ConnectorDescriptor, defineDescriptor } from '@plugboard/core/define'

/**
 * The platform's descriptor of the Chargify connector. The platform's documentation does not
 * publish Chargify's descriptor: the id (`388`) and the image URL are plugboard's stand-ins,
 * shaped like Chargebee's published descriptor.
 */
export const chargifyDescriptor: ConnectorDescriptor = defineDescriptor({
  id: 388,
  key: 'chargify',
  name: 'Chargify',
  hub: 'payment',
  image: 'https://hfweb-assets.s3.amazonaws.com/integrations/chargify.png',
})
