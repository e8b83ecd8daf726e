import type { ConnectorMetadata } from '@plugboard/core/define'
import type { Freshdeskv2Configuration } from './config.js'

/**
 * Hand edits of the generated freshdeskv2 connector: `pnpm gen:connector --from-platform freshdeskv2` never
 * rewrites this file. Give a better description or a homepage, or a more telling sample.
 */
export const overrides: {
  readonly metadata?: Partial<Pick<ConnectorMetadata, 'description' | 'homepage'>>
  readonly sample?: Partial<Freshdeskv2Configuration>
} = {}
