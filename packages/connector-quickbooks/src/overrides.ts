import type { ConnectorMetadata } from '@plugboard/core/define'
import type { QuickbooksConfiguration } from './config.js'

/**
 * Hand edits of the generated quickbooks connector: `pnpm gen:connector --from-platform quickbooks` never
 * rewrites this file. Give a better description or a homepage, or a more telling sample.
 */
export const overrides: {
  readonly metadata?: Partial<Pick<ConnectorMetadata, 'description' | 'homepage'>>
  readonly sample?: Partial<QuickbooksConfiguration>
} = {
  metadata: {
    description: 'QuickBooks Online: customers, invoices, payments and accounts (OAuth 1.0a).',
    homepage: 'https://developer.intuit.com/app/developer/qbo/docs/get-started',
  },
}
