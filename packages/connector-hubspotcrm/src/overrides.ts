import type { ConnectorMetadata } from '@plugboard/core/define'

/**
 * Hand edits of the generated hubspotcrm connector: `pnpm gen:connector --from-platform hubspotcrm` never
 * rewrites this file. Give a better description or a homepage. (The sample is written in
 * connector.ts: a partial sample cannot be merged into one choice of the configuration.)
 */
export const overrides: {
  readonly metadata?: Partial<Pick<ConnectorMetadata, 'description' | 'homepage'>>
} = {
  metadata: {
    description: 'HubSpot CRM: contacts, companies and deals (OAuth 2.0 or an API key).',
    homepage: 'https://developers.hubspot.com/docs/api/overview',
  },
}
