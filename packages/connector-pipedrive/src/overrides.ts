import type { ConnectorMetadata } from '@plugboard/core/define'
import type { PipedriveConfiguration } from './config.js'

/**
 * Hand edits of the generated pipedrive connector: `pnpm gen:connector --from-platform pipedrive` never
 * rewrites this file. Give a better description or a homepage, or a more telling sample.
 */
export const overrides: {
  readonly metadata?: Partial<Pick<ConnectorMetadata, 'description' | 'homepage'>>
  readonly sample?: Partial<PipedriveConfiguration>
} = {}
