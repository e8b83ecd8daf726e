import { createRegistry, SPECIFICATION_VERSION } from '@plugboard/core'
import { testConnector } from '@plugboard/core/testing'
import { describe, expect, it } from 'vitest'
import { chargebee } from './connector.js'

testConnector(chargebee)

describe('the chargebee connector', () => {
  it('has the platform metadata the spec response shows', () => {
    expect(chargebee.key).toBe('chargebee')
    expect(chargebee.specificationVersion).toBe(SPECIFICATION_VERSION)
    expect(chargebee.descriptor).toMatchObject({
      id: 451,
      name: 'Chargebee',
      key: 'chargebee',
      description: 'Chargebee API',
      hub: 'payment',
      typeOauth: false,
      authentication: { type: 'basic' },
    })
    expect(chargebee.descriptor.parameters).toEqual([
      expect.objectContaining({ id: 209, name: 'site', vendorType: 'path', required: false }),
    ])
    expect(chargebee.metadata).toMatchObject({ hub: 'payment', authentication: 'basic' })
  })

  it('is found in a registry under its key', () => {
    expect(createRegistry().register(chargebee).get('chargebee')).toBe(chargebee)
  })

  it('holds a sample whose API key is obviously fake', () => {
    expect(chargebee.sample.username).toMatch(/^test_/)
  })
})
