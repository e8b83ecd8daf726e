import type { ConnectorMetadata } from '@plugboard/core/define'
import type { ExpensifyConfiguration } from './config.js'

/**
 * Hand edits of the generated expensify connector: `pnpm gen:connector --from-platform expensify` never
 * rewrites this file. Give a better description or a homepage, or a more telling sample.
 */
export const overrides: {
  readonly metadata?: Partial<Pick<ConnectorMetadata, 'description' | 'homepage'>>
  readonly sample?: Partial<ExpensifyConfiguration>
} = {}
