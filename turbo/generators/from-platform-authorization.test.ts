import type { AnyConnector } from '@plugboard/core'
import { describe, expect, it } from 'vitest'
import { hubspotcrm } from '../../packages/connector-hubspotcrm/src/connector.ts'
import { quickbooks } from '../../packages/connector-quickbooks/src/connector.ts'
import { sfdc } from '../../packages/connector-sfdc/src/connector.ts'
import { zendesk } from '../../packages/connector-zendesk/src/connector.ts'
import { readDescription } from './from-platform/read.ts'
import { renderConfig, renderResponse } from './from-platform/render-config.ts'
import { renderConnector, renderTest } from './from-platform/render-source.ts'

// What `pnpm gen:connector --from-platform` writes from the embedded sandbox's catalogue, checked
// against what the repository's packages hold: no workspace, no files written.
describe('the --from-platform generator, on the OAuth connectors', () => {
  // The packages' sources: the test needs no connector built.
  const declared: Record<string, AnyConnector> = { sfdc, zendesk, quickbooks, hubspotcrm }

  it.each(Object.keys(declared))('declares the authorization %s has', async (key) => {
    const description = await readDescription(key)
    expect(description.authorization).toBeDefined()
    expect(description.authorization).toEqual(declared[key]?.authorization)
    expect(renderConnector(key, description)).toMatch(/\n {2}authorization: \{ ?kind: ?'/)
  })

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
    expect(config).toContain("import { commonEntries } from '@plugboard/core/define'")
    expect(config).toMatch(
      /\.\.\.commonEntries\("filter\.response\.nulls", "event\.vendor\.type", "event\.notification\.callback\.url"\),\n\}\)/,
    )
    expect(config).not.toMatch(/["']event\.vendor\.type["']: v\./)
  })
})
