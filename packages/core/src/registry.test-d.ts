import { describe, expectTypeOf, it } from 'vitest'
import { createRegistry } from './registry.js'
import { acme, globex } from './test-support/connectors.js'

describe('registry types', () => {
  const registry = createRegistry().register(acme).register(globex)

  it('returns exactly the registered connector type for a key', () => {
    expectTypeOf(registry.get('acme')).toEqualTypeOf<typeof acme>()
    expectTypeOf(registry.get('globex')).toEqualTypeOf<typeof globex>()
    expectTypeOf(registry.get('acme').key).toEqualTypeOf<'acme'>()
  })

  it('refuses an unknown key at compile time', () => {
    // @ts-expect-error 'initech' is not a registered key
    registry.get('initech')
    // @ts-expect-error an empty registry knows no key
    createRegistry().get('acme')
  })

  it('types a run-time key lookup as the union of the registered connectors', () => {
    expectTypeOf(registry.resolve('whatever')).toEqualTypeOf<typeof acme | typeof globex>()
  })

  it('types a registry built from a record exactly as a register chain', () => {
    const recorded = createRegistry({ acme, globex })
    expectTypeOf(recorded.get('acme')).toEqualTypeOf<typeof acme>()
    expectTypeOf(recorded.get('globex').key).toEqualTypeOf<'globex'>()
    // @ts-expect-error 'initech' is not in the record
    recorded.get('initech')
  })
})
