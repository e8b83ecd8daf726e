import { chargebee } from '@plugboard/connector-chargebee'
import { MASK } from '@plugboard/core/protocol'
import { describe, expect, it } from 'vitest'
import { instanceJson, presentDescriptor, presentInstance } from './present.js'
import type { InstanceRecord } from './store.js'
import { SANDBOX_DEFAULT_USER } from './users.js'

const record: InstanceRecord = {
  id: 42,
  organization: 'sandbox',
  connectorKey: 'chargebee',
  name: 'Acme "billing" \\ ünïcødé \u2028 <b>',
  configuration: { ...chargebee.defaults, site: 'acme-test', username: 'secret-key', x: null },
  tags: ['eu', 'tag "quoted"', ''],
  disabled: false,
  createdDate: '2026-11-24T00:00:00.000Z',
  updatedDate: '2026-11-24T00:00:01.000Z',
}

describe('instanceJson', () => {
  it('is exactly JSON.stringify of presentInstance, in both vocabularies, with and without a token', () => {
    for (const vocabulary of ['your_mom', 'element'] as const) {
      for (const token of [undefined, 'abc+/=']) {
        for (const disabled of [false, true]) {
          const instance = { ...record, disabled, ...(token === undefined ? {} : { token }) }
          expect(instanceJson(instance, chargebee, vocabulary, SANDBOX_DEFAULT_USER)).toBe(
            JSON.stringify(presentInstance(instance, chargebee, vocabulary, SANDBOX_DEFAULT_USER)),
          )
        }
      }
    }
  })

  it('masks password-type entries only: the API key in username is echoed, as the platform does', () => {
    const text = instanceJson(
      { ...record, configuration: { ...record.configuration, password: 'secret-pass' } },
      chargebee,
      'your_mom',
      SANDBOX_DEFAULT_USER,
    )
    expect(text).not.toContain('secret-pass')
    expect(JSON.parse(text).configuration.password).toBe(MASK)
    expect(JSON.parse(text).configuration.username).toBe(record.configuration.username)
    expect(JSON.parse(text).user).toEqual(SANDBOX_DEFAULT_USER)
  })
})

describe('presentDescriptor', () => {
  it('is built once per connector and vocabulary, and frozen', () => {
    const first = presentDescriptor(chargebee, 'element')
    expect(presentDescriptor(chargebee, 'element')).toBe(first)
    expect(presentDescriptor(chargebee, 'your_mom')).not.toBe(first)
    expect(Object.isFrozen(first)).toBe(true)
    expect((first.parameters as Record<string, unknown>[])[0]).toHaveProperty('elementId', 451)
  })
})
