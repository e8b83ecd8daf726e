import packageJson from '../package.json' with { type: 'json' }

/**
 * The version of this `@plugboard/core` build (from its package.json).
 *
 * @group Protocol
 */
export const VERSION: string = packageJson.version

/**
 * The `User-Agent` product token plugboard sends, e.g. `plugboard/0.1.0`.
 *
 * @group Protocol
 */
export const USER_AGENT: string = `plugboard/${VERSION}`
