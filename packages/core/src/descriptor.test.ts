import { describe, expect, it } from 'vitest'
import { defineDescriptor, fillBaseUrl } from './descriptor.js'

describe('defineDescriptor', () => {
  it('fills the usual fields, in the platform order, and keeps what is given', () => {
    const descriptor = defineDescriptor({ id: 3, key: 'acme', name: 'Acme', hub: 'crm' })
    expect(Object.keys(descriptor).slice(0, 4)).toEqual(['id', 'name', 'key', 'description'])
    expect(descriptor).toMatchObject({
      description: 'Acme API',
      cloneable: true,
      authentication: { type: 'basic' },
      hub: 'crm',
      parameters: [],
    })
    const oauth = defineDescriptor({
      id: 4,
      key: 'x',
      name: 'X',
      hub: 'crm',
      typeOauth: true,
      authentication: { type: 'oauth2' },
    })
    expect(oauth.typeOauth).toBe(true)
    expect(oauth.authentication.type).toBe('oauth2')
  })
})

describe('fillBaseUrl', () => {
  it('fills each placeholder with its entry, URL-encoded, and leaves unknown ones', () => {
    expect(fillBaseUrl('https://{site}.test/{region}/{none}', { site: 'a b', region: 'eu' })).toBe(
      'https://a%20b.test/eu/{none}',
    )
  })
})
