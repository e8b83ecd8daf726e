import type { ConnectorMetadata } from '@plugboard/core/define'
import type { ConnectwisehdConfiguration } from './config.js'

/**
 * Hand edits of the generated connectwisehd connector: `pnpm gen:connector --from-platform connectwisehd` never
 * rewrites this file. Give a better description or a homepage, or a more telling sample.
 */
export const overrides: {
  readonly metadata?: Partial<Pick<ConnectorMetadata, 'description' | 'homepage'>>
  readonly sample?: Partial<ConnectwisehdConfiguration>
} = {}
