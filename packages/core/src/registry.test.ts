import { describe, expect, it } from 'vitest'
import type { AnyConnector } from './connector.js'
import { RegistrationError, UnknownConnectorError } from './errors/registry-errors.js'
import { createRegistry } from './registry.js'
import { acme, globex } from './test-support/connectors.js'

describe('registry', () => {
  it('returns the registered connector by key, in registration order', () => {
    const registry = createRegistry().register(acme).register(globex)
    expect(registry.get('acme')).toBe(acme)
    expect(registry.resolve('globex')).toBe(globex)
    expect(registry.keys()).toEqual(['acme', 'globex'])
    expect(registry.list()).toEqual([acme, globex])
    expect(registry.size).toBe(2)
    expect(registry.has('acme')).toBe(true)
    expect(registry.has('initech')).toBe(false)
  })

  it('is immutable: register returns a new registry', () => {
    const empty = createRegistry()
    const one = empty.register(acme)
    expect(empty.size).toBe(0)
    expect(one.size).toBe(1)
  })

  it('refuses an unknown key, listing the known keys', () => {
    const registry = createRegistry().register(acme).register(globex)
    const error = (() => {
      try {
        registry.resolve('initech')
      } catch (caught) {
        return caught
      }
    })()
    expect(UnknownConnectorError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ key: 'initech', knownKeys: ['acme', 'globex'] })
    expect((error as Error).message).toBe(
      'Unknown connector "initech". Known connectors: acme, globex.',
    )
    expect(() => createRegistry().resolve('x')).toThrow('(none registered)')
  })

  it('refuses a duplicate key', () => {
    const registry = createRegistry().register(acme)
    expect(() => registry.register({ ...acme } as AnyConnector)).toThrow(
      expect.objectContaining({ reason: 'duplicate-key', key: 'acme' }),
    )
    expect(() => registry.register(acme)).toThrow(/already registered/)
  })

  it.each([
    ['v2', /upgrade @plugboard\/core/],
    ['v0', /upgrade the connector package/],
  ])('refuses specification version %s with the right advice', (version, advice) => {
    const connector = { ...acme, specificationVersion: version } as unknown as AnyConnector
    const error = (() => {
      try {
        createRegistry().register(connector)
      } catch (caught) {
        return caught
      }
    })()
    expect(RegistrationError.isInstance(error)).toBe(true)
    expect((error as RegistrationError).reason).toBe('unsupported-specification')
    expect((error as Error).message).toMatch(advice)
    expect((error as Error).message).toContain(version)
  })

  it('refuses a connector without a specification version', () => {
    const connector = { ...acme, specificationVersion: undefined } as unknown as AnyConnector
    expect(() => createRegistry().register(connector)).toThrow(/specification undefined/)
  })

  it('builds the same registry from a record of connectors in one call', () => {
    const chained = createRegistry().register(acme).register(globex)
    const recorded = createRegistry({ acme, globex })
    expect(recorded.keys()).toEqual(chained.keys())
    expect(recorded.get('globex')).toBe(globex)
    expect(() => recorded.resolve('initech')).toThrow('Known connectors: acme, globex.')
  })

  it('refuses a record whose key differs from its connector key', () => {
    let error: unknown
    try {
      createRegistry({ acme: globex })
    } catch (caught) {
      error = caught
    }
    expect(RegistrationError.isInstance(error)).toBe(true)
    expect((error as RegistrationError).reason).toBe('key-mismatch')
    expect((error as RegistrationError).message).toContain('"acme" holds the connector "globex"')
  })

  it('refuses a record holding a connector of another specification version', () => {
    const future = { ...acme, specificationVersion: 'v2' } as unknown as AnyConnector
    expect(() => createRegistry({ acme: future })).toThrow(/upgrade @plugboard\/core/)
  })
})
