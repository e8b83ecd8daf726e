import type { ConnectorMetadata } from '@plugboard/core/define'
import type { SfdcConfiguration } from './config.js'

/**
 * Hand edits of the generated sfdc connector: `pnpm gen:connector --from-platform sfdc` never
 * rewrites this file. Give a better description or a homepage, or a more telling sample.
 */
export const overrides: {
  readonly metadata?: Partial<Pick<ConnectorMetadata, 'description' | 'homepage'>>
  readonly sample?: Partial<SfdcConfiguration>
} = {
  metadata: {
    description: 'Salesforce Sales Cloud: accounts, contacts, leads and opportunities (OAuth 2.0).',
    homepage: 'https://developer.salesforce.com/docs/apis',
  },
}
