/**
 * `@plugboard/connector-chargify`: the Chargify connector for plugboard.
 *
 * @packageDocumentation
 */

export { type ChargifySiteConfiguration, chargifyApiBaseUrl } from './base-url.js'
export { CHARGIFY_SITE_PATTERN, type ChargifyConfiguration, chargifyConfig } from './config.js'
export { type ChargifyConnector, chargify } from './connector.js'
export { chargifyDefaults } from './defaults.js'
export { chargifyDescriptor } from './descriptor.js'
export {
  type ChargifyInstanceConfiguration,
  chargifyInstanceConfiguration,
} from './response.js'
