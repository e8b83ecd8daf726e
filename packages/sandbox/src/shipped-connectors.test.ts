import { authorizationFor } from '@plugboard/core'
import { MISSING_OAUTH_CODE_MESSAGE } from '@plugboard/core/protocol'
import { describe, expect, it } from 'vitest'
import { createSandbox } from './sandbox.js'
import { shippedConnectors } from './shipped-connectors.js'
import { call } from './test-support.js'

describe('every shipped connector', () => {
  it('provisions on the sandbox with its sample (an OAuth one asks for the code), and its descriptor is the one served', async () => {
    const sandbox = createSandbox()
    try {
      for (const connector of Object.values(shippedConnectors)) {
        const answer = await call(sandbox, 'POST', '/elements/api-v2/instances', {
          body: {
            element: { key: connector.key },
            name: `${connector.key} sample`,
            configuration: connector.sample,
          },
        })
        const kind = authorizationFor(connector, connector.sample)?.kind
        if (kind === 'oauth2' || kind === 'oauth1') {
          // The whole flow is the contract suite's (contract/oauth.test.ts): here, the sample is
          // accepted up to the missing code.
          expect(answer.status, connector.key).toBe(400)
          expect((answer.body as { message?: string }).message, connector.key).toMatch(
            new RegExp(`^${MISSING_OAUTH_CODE_MESSAGE}`),
          )
        } else {
          expect(answer.status, connector.key).toBe(200)
        }
        const served = await call(sandbox, 'GET', `/elements/api-v2/elements/${connector.key}`)
        expect(served.body, connector.key).toMatchObject({ id: connector.descriptor.id })
      }
    } finally {
      sandbox.close()
    }
  })
})
