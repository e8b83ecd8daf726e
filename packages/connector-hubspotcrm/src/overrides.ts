import type { ConnectorMetadata } from '@plugboard/core'
import type { HubspotcrmConfiguration } from './config.js'

/**
 * Hand edits of the generated hubspotcrm connector: `pnpm gen:connector --from-platform hubspotcrm` never
 * rewrites this file. Give a better description or a homepage, or a more telling sample.
 */
export const overrides: {
  readonly metadata?: Partial<Pick<ConnectorMetadata, 'description' | 'homepage'>>
  readonly sample?: Partial<HubspotcrmConfiguration>
} = {}
