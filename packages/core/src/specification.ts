/**
 * The version of the plugboard connector specification this build of `@plugboard/core`
 * implements. A connector states the version it was written against in `specificationVersion`;
 * the registry refuses a connector of any other version. A breaking change to the connector
 * interface ships as a new version (`v2`) in a new major of `@plugboard/core`.
 *
 * @group Connectors
 */
export const SPECIFICATION_VERSION = 'v1'

/**
 * The connector specification versions this build of `@plugboard/core` understands.
 *
 * @group Connectors
 */
export type SpecificationVersion = typeof SPECIFICATION_VERSION
