import { parseAuthorization } from '@plugboard/core/protocol'
import { describe, expect, it } from 'vitest'
import { createAuthenticator, hashToken, secretsEqual } from './auth.js'
import { stripHtml } from './sanitize.js'

describe('parseAuthorization', () => {
  it('reads the parts in any order, with either token part name', () => {
    expect(parseAuthorization('User u, Organization o')).toEqual({
      user: 'u',
      organization: 'o',
      token: undefined,
    })
    expect(parseAuthorization('Element t+/=, organization o,USER u')).toEqual({
      user: 'u',
      organization: 'o',
      token: 't+/=',
    })
    expect(parseAuthorization('Your_mom t, User u, Organization o')?.token).toBe('t')
  })

  it('refuses incomplete, repeated or foreign parts', () => {
    for (const header of [
      undefined,
      '',
      'User u',
      'Organization o',
      'User u, Organization o, User v',
      'Bearer x',
      'User u, Organization o, Element a, Your_mom b',
      'User , Organization o',
    ]) {
      expect(parseAuthorization(header), String(header)).toBeUndefined()
    }
  })
})

describe('createAuthenticator', () => {
  const authenticate = createAuthenticator([
    { id: 'a', userSecret: 'ua', organizationSecret: 'oa' },
    { id: 'b', userSecret: 'ub', organizationSecret: 'ob' },
    { id: 'c', userSecret: 'ub', organizationSecret: 'ob' },
  ])
  it('finds the first organization whose two secrets match', () => {
    expect(authenticate({ user: 'ub', organization: 'ob' })?.id).toBe('b')
    expect(authenticate({ user: 'ua', organization: 'oa' })?.id).toBe('a')
    expect(authenticate({ user: 'ua', organization: 'ob' })).toBeUndefined()
    expect(authenticate({ user: 'ua', organization: 'oa ' })).toBeUndefined()
    // The two secrets are hashed as one pair: moving text from one to the other is no match.
    expect(authenticate({ user: 'u', organization: 'aoa' })).toBeUndefined()
    expect(authenticate({ user: 'uao', organization: 'a' })).toBeUndefined()
    expect(secretsEqual('x', 'x')).toBe(true)
    expect(secretsEqual('x', 'xx')).toBe(false)
    expect(hashToken('t')).toHaveLength(32)
  })
})

describe('stripHtml', () => {
  it('strips tags and script blocks', () => {
    expect(stripHtml('<b>Acme</b> <script>alert(1)</script>billing')).toBe('Acme billing')
    expect(stripHtml('  <img src=x onerror=alert(1)>Plain  ')).toBe('Plain')
    expect(stripHtml('Fish & Chips')).toBe('Fish & Chips')
  })
})
