/**
 * `@plugboard/connector-chargebee`: the Chargebee connector for plugboard.
 *
 * @packageDocumentation
 */

export { type ChargebeeSiteConfiguration, chargebeeApiBaseUrl } from './base-url.js'
export { CHARGEBEE_SITE_PATTERN, type ChargebeeConfiguration, chargebeeConfig } from './config.js'
export { type ChargebeeConnector, chargebee } from './connector.js'
export { chargebeeDefaults } from './defaults.js'
export { chargebeeDescriptor } from './descriptor.js'
export { type ChargebeeInstanceConfiguration, chargebeeInstanceConfiguration } from './response.js'
