import { configEntries } from '@plugboard/core'
import { shippedConnectors } from '@plugboard/sandbox/shipped-connectors'
import { describe, expect, it } from 'vitest'
import { readDescription } from './from-platform/read.ts'
import {
  renderConfig,
  renderConnector,
  renderResponse,
  renderTest,
} from './from-platform/render-source.ts'

// What `pnpm gen:connector --from-platform` writes from the embedded sandbox's catalogue, checked
// against the packages the repository ships: no workspace, no files written.
describe('the --from-platform generator, on the OAuth connectors', () => {
  it.each(['sfdc', 'zendesk', 'quickbooks', 'hubspotcrm'] as const)(
    'declares the authorization %s has',
    async (key) => {
      const description = await readDescription(key)
      expect(description.authorization).toEqual(shippedConnectors[key].authorization)
      expect(renderConnector(key, description)).toMatch(/\n {2}authorization: \{ ?kind: ?'/)
    },
  )

  it('types what the OAuth flow leaves on the instance, and keeps it out of the defaults', async () => {
    const description = await readDescription('quickbooks')
    const response = renderResponse('quickbooks', description)
    expect(response).toMatch(/["']oauth\.user\.token["']: v\.optional\(nullableText\)/)
    expect(response).toMatch(/["']quickbooks\.realm\.id["']: v\.optional\(nullableText\)/)
    expect(description.configuration.map((entry) => entry.key)).toContain('oauth.user.token')
    expect(renderConnector('quickbooks', description)).toMatch(
      /providerData: client\.oauth\.complete/,
    )
  })

  it('makes a choice of authentication.type a variant, one strict object a choice', async () => {
    const description = await readDescription('hubspotcrm')
    const config = renderConfig('hubspotcrm', description)
    expect(config).toMatch(
      /v\.variant\("authentication\.type", \[hubspotcrmOauth2Config, hubspotcrmApiKeyConfig\]\)/,
    )
    expect(config).toMatch(/"authentication\.type": v\.pipe\(v\.literal\("apiKey"\)/)
    // The sample takes the OAuth choice; an empty configuration misses the choosing entry first.
    expect(renderConnector('hubspotcrm', description)).toMatch(/"authentication\.type": "oauth2"/)
    expect(renderTest('hubspotcrm', description)).toContain(
      '["authentication.type","create.bulk.properties"]',
    )
  })

  it('declares no authorization for a connector that authorises with its configuration', async () => {
    const description = await readDescription('closeio')
    expect(description.authorization).toBeUndefined()
    expect(renderConnector('closeio', description)).not.toMatch(/authorization:/)
  })
})

describe('the --from-platform generator, on the entries every connector shares', () => {
  it("takes them from core's commonEntries, after the connector's own entries", async () => {
    const description = await readDescription('freshdeskv2')
    const config = renderConfig('freshdeskv2', description)
    expect(config).toContain("import { commonEntries } from '@plugboard/core'")
    expect(config).toMatch(
      /\.\.\.commonEntries\("filter\.response\.nulls", "event\.vendor\.type", "event\.notification\.callback\.url"\),\n\}\)/,
    )
    expect(config).not.toMatch(/["']event\.vendor\.type["']: v\./)
    // The package holds what the generator writes: the same entries, in the same order.
    expect(configEntries(shippedConnectors.freshdeskv2.config).map((entry) => entry.key)).toEqual([
      'subdomain',
      'username',
      'filter.response.nulls',
      'event.vendor.type',
      'event.notification.callback.url',
    ])
  })
})
