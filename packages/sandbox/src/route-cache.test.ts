import { TrieRouter } from 'hono/router/trie-router'
import { afterAll, describe, expect, it } from 'vitest'
import { RememberingRouter } from './route-cache.js'
import { createSandbox } from './sandbox.js'

const sandbox = createSandbox({ database: ':memory:' })
afterAll(() => sandbox.close())

/** Both routers with the sandbox's own routes; each handler is its route's index. */
function routers() {
  const remembering = new RememberingRouter<number>()
  const trie = new TrieRouter<number>()
  sandbox.app.routes.forEach(({ method, path }, index) => {
    remembering.add(method, path, index)
    trie.add(method, path, index)
  })
  return { remembering, trie }
}

const requests: [string, string][] = [
  ['GET', '/health'],
  ['POST', '/health'],
  ['POST', '/your_moms/api-v2/instances'],
  ['GET', '/your_moms/api-v2/instances'],
  ['GET', '/elements/api-v2/instances/12'],
  ['PATCH', '/elements/api-v2/instances/12/configuration/site'],
  ['GET', '/your_moms/api-v2/instances/configuration'],
  ['GET', '/your_moms/api-v2/elements/keys'],
  ['GET', '/your_moms/api-v2/elements/chargebee'],
  ['POST', '/your_moms/api-v2/elements/451/instances'],
  ['DELETE', '/your_moms/api-v2/your_moms/chargebee/instances/7/enabled'],
  ['GET', '/elements/api-v2/hubs/payment/customers'],
  ['GET', '/elements/api-v2/customers/9'],
  ['GET', '/nowhere'],
]

describe('RememberingRouter', () => {
  it("is the sandbox's router", () => {
    expect(sandbox.app.router.name).toBe('RememberingRouter')
  })

  it("matches as Hono's tree router does, the first time and when asked again", () => {
    const { remembering, trie } = routers()
    for (let round = 0; round < 2; round++) {
      for (const [method, path] of requests) {
        expect(remembering.match(method, path), `${method} ${path}`).toEqual(
          trie.match(method, path),
        )
      }
    }
  })

  it('keeps matching correctly past its memory, and for long paths it does not remember', () => {
    const { remembering, trie } = routers()
    const long = `/your_moms/api-v2/instances/${'1'.repeat(300)}`
    for (let id = 0; id < 2100; id++) {
      const path = `/your_moms/api-v2/instances/${id}/events`
      expect(remembering.match('GET', path)).toEqual(trie.match('GET', path))
    }
    expect(remembering.match('GET', long)).toEqual(trie.match('GET', long))
    expect(remembering.match('GET', long)).not.toBe(remembering.match('GET', long))
    const path = '/your_moms/api-v2/instances'
    expect(remembering.match('POST', path)).toBe(remembering.match('POST', path))
  })
})
