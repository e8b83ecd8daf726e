import type { ConnectorMetadata } from '@plugboard/core/define'
import type { ZendeskConfiguration } from './config.js'

/**
 * Hand edits of the generated zendesk connector: `pnpm gen:connector --from-platform zendesk` never
 * rewrites this file. Give a better description or a homepage, or a more telling sample.
 */
export const overrides: {
  readonly metadata?: Partial<Pick<ConnectorMetadata, 'description' | 'homepage'>>
  readonly sample?: Partial<ZendeskConfiguration>
} = {
  metadata: {
    description: 'Zendesk Support: tickets, users and organizations (OAuth 2.0).',
    homepage: 'https://developer.zendesk.com/api-reference/',
  },
}
