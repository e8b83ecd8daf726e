import { type ConnectorDescriptor, defineDescriptor } from '@plugboard/core/define'

/** The platform's descriptor of the Chargebee connector, as the spec's instance response shows it. */
export const chargebeeDescriptor: ConnectorDescriptor = defineDescriptor({
  id: 451,
  key: 'chargebee',
  name: 'Chargebee',
  hub: 'payment',
  image: 'https://hfweb-assets.s3.amazonaws.com/integrations/chargebee.png',
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
})
