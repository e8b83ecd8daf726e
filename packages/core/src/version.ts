import packageJson from '../package.json' with { type: 'json' }

/** The version of this `@plugboard/core` build (from its package.json). */
export const VERSION: string = packageJson.version

/** The `User-Agent` product token plugboard sends, e.g. `plugboard/0.1.0`. */
export const USER_AGENT: string = `plugboard/${VERSION}`
