import { hubspotcrm } from '@plugboard/connector-hubspotcrm'
import { quickbooks } from '@plugboard/connector-quickbooks'
import { sfdc } from '@plugboard/connector-sfdc'
import { OAuthDeniedError, type OAuthFlow, OAuthStateError, PlatformError } from '@plugboard/core'
import { MASK, MISSING_OAUTH_CODE_MESSAGE, VOCABULARIES } from '@plugboard/core/protocol'
import { describe, expect, it } from 'vitest'
import { rejection, useContractSandbox } from './harness.js'

const app = {
  apiKey: 'contract-app-key',
  apiSecret: 'contract-app-SECRET-9f',
  callbackUrl: 'http://127.0.0.1:9/oauth/callback',
}
const appEntries = {
  'oauth.api.key': app.apiKey,
  'oauth.api.secret': app.apiSecret,
  'oauth.callback.url': app.callbackUrl,
}

/** The end user at the sandbox's consent page, headless: the form posted with Allow or Deny. */
async function consent(flow: OAuthFlow, decision: 'allow' | 'deny'): Promise<string> {
  const page = new URL(flow.url)
  const answer = await fetch(new URL('/oauth/consent', page), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request: page.searchParams.get('request') ?? '', decision }),
    redirect: 'manual',
  })
  expect(answer.status).toBe(303)
  return answer.headers.get('location') ?? ''
}

describe.each(VOCABULARIES)(
  'contract: the OAuth flow through the client, in the %s vocabulary',
  (vocabulary) => {
    const setup = useContractSandbox(vocabulary)

    it('provisions an OAuth 2.0 connector: start, Allow, complete, provision', async () => {
      const { client } = setup
      const flow = await client.oauth.start(sfdc, {
        ...app,
        siteAddress: 'acme.my.salesforce.test',
      })
      expect(new URL(flow.url).origin).toBe(new URL(setup.running.baseUrl).origin)
      const callback = await consent(flow, 'allow')
      expect(new URL(callback).searchParams.get('state')).toBe(flow.state)
      const providerData = client.oauth.complete(flow, callback)
      const instance = await client.provision(sfdc, {
        name: 'Contract Salesforce',
        configuration: appEntries,
        providerData,
      })
      expect(instance.configuration).toMatchObject({
        'oauth.api.key': MASK,
        'oauth.api.secret': MASK,
        'oauth.user.token': MASK,
        'oauth.user.refresh_interval': '3600',
      })
      expect(JSON.stringify(instance)).not.toContain(providerData.code)
    })

    it('refuses a replayed code with the platform’s answer, never showing the code', async () => {
      const { client } = setup
      const flow = await client.oauth.start(sfdc, app)
      const providerData = client.oauth.complete(flow, await consent(flow, 'allow'))
      await client.provision(sfdc, { name: 'First', configuration: appEntries, providerData })
      const replay = await rejection(
        client.provision(sfdc, { name: 'Replay', configuration: appEntries, providerData }),
      )
      expect(PlatformError.isInstance(replay) && replay.status).toBe(400)
      expect(String(replay)).not.toContain(providerData.code)
      expect(String(replay)).not.toContain(app.apiSecret)
    })

    it('answers the platform’s message to a provisioning without a code', async () => {
      const answer = await fetch(`${setup.running.baseUrl}/instances`, {
        method: 'POST',
        headers: { authorization: setup.running.authorization, 'content-type': 'application/json' },
        body: JSON.stringify({
          [vocabulary]: { key: 'sfdc' },
          name: 'No code',
          configuration: appEntries,
        }),
      })
      expect(answer.status).toBe(400)
      expect(await answer.json()).toMatchObject({ message: MISSING_OAUTH_CODE_MESSAGE })
    })

    it('reports Deny as OAuthDeniedError, and a callback of another flow as OAuthStateError', async () => {
      const { client } = setup
      const flow = await client.oauth.start(sfdc, app)
      const denied = await consent(flow, 'deny')
      expect(OAuthDeniedError.isInstance(catching(() => client.oauth.complete(flow, denied)))).toBe(
        true,
      )
      const other = await client.oauth.start(sfdc, app)
      const forged = await consent(other, 'allow')
      expect(OAuthStateError.isInstance(catching(() => client.oauth.complete(flow, forged)))).toBe(
        true,
      )
    })

    it('re-authorises an instance with a new flow’s providerData', async () => {
      const { client } = setup
      const first = await client.oauth.start(sfdc, app)
      const instance = await client.provision(sfdc, {
        name: 'Reauthorised',
        configuration: appEntries,
        providerData: client.oauth.complete(first, await consent(first, 'allow')),
      })
      const again = await client.oauth.start(sfdc, app)
      const providerData = client.oauth.complete(again, await consent(again, 'allow'))
      const reauthorised = await client.instances.reauthorize(instance.id, providerData)
      expect(reauthorised.id).toBe(instance.id)
      expect(reauthorised).not.toHaveProperty('providerData')
      const reused = await rejection(client.instances.reauthorize(instance.id, providerData))
      expect(PlatformError.isInstance(reused) && reused.status).toBe(400)
    })

    it('provisions an OAuth 1.0a connector: request token, Allow, realmId kept', async () => {
      const { client } = setup
      const flow = await client.oauth.start(quickbooks, app)
      expect(flow.kind).toBe('oauth1')
      const providerData = client.oauth.complete(flow, await consent(flow, 'allow'))
      expect(providerData.secret).toBe(flow.requestToken?.secret)
      expect(providerData.realmId).toMatch(/\S/)
      const instance = await client.provision(quickbooks, {
        name: 'Contract books',
        configuration: { ...appEntries, 'quickbooks.minorversion': '65' },
        providerData,
      })
      expect(instance.configuration).toMatchObject({
        'oauth.user.token': MASK,
        'quickbooks.realm.id': providerData.realmId,
      })
    })

    it('provisions hubspotcrm by either choice of authentication.type', async () => {
      const { client } = setup
      const flow = await client.oauth.start(hubspotcrm, {
        ...app,
        scope: 'crm.objects.contacts.read',
      })
      const oauth = await client.provision(hubspotcrm, {
        name: 'HubSpot OAuth',
        configuration: {
          'authentication.type': 'oauth2',
          ...appEntries,
          'create.bulk.properties': 'false',
        },
        providerData: client.oauth.complete(flow, await consent(flow, 'allow')),
      })
      expect(oauth.configuration['oauth.user.token']).toBe(MASK)
      const byKey = await client.provision(hubspotcrm, {
        name: 'HubSpot key',
        configuration: {
          'authentication.type': 'apiKey',
          'hubspot.authorization.apikey': 'contract-hubspot-key',
          'create.bulk.properties': 'false',
        },
      })
      expect(byKey.configuration['authentication.type']).toBe('apiKey')
    })
  },
)

/** The error `action` throws. */
function catching(action: () => unknown): unknown {
  try {
    action()
  } catch (error) {
    return error
  }
  throw new Error('expected an error')
}
