import { describe, expect, it } from 'vitest'
import { createSandbox } from './sandbox.js'
import { shippedConnectors } from './shipped-connectors.js'
import { call } from './test-support.js'

describe('every shipped connector', () => {
  it('provisions on the sandbox with its sample, and its descriptor is the one served', async () => {
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
        expect(answer.status, connector.key).toBe(200)
        const served = await call(sandbox, 'GET', `/elements/api-v2/elements/${connector.key}`)
        expect(served.body, connector.key).toMatchObject({ id: connector.descriptor.id })
      }
    } finally {
      sandbox.close()
    }
  })
})
