import { describe, expect, it } from 'vitest'
import { createPlatformClient } from './client/create-client.js'
import { InvalidArgumentError } from './errors/invalid-argument-error.js'
import { clientOptions } from './test-support/fixtures.js'

// Nothing listens on port 1: every refusal here happens before anything is sent.
const client = createPlatformClient(clientOptions('http://127.0.0.1:1/your_moms/api-v2'))

describe('arguments the client refuses before sending', () => {
  it('rejects (never throws synchronously) with an InvalidArgumentError naming the argument', async () => {
    const calls: [string, () => Promise<unknown>][] = [
      ['id', () => client.instances.get('')],
      ['connector', () => client.instances.get(1, {} as never)],
      ['body', () => client.instances.patch(1, null as never)],
      ['configId', () => client.instances.getConfiguration(1, ' ')],
      ['keyOrId', () => client.connectors.get('')],
      ['id', () => client.instances.delete({} as never)],
    ]
    for (const [argument, call] of calls) {
      let promise: Promise<unknown> | undefined
      expect(() => {
        promise = call()
      }, argument).not.toThrow()
      const error = await promise?.catch((caught: unknown) => caught)
      expect(InvalidArgumentError.isInstance(error), argument).toBe(true)
      expect((error as InvalidArgumentError).argument).toBe(argument)
    }
  })
})
