import { describe, expect, it } from 'vitest'
import { MASK as REDACTED } from '../protocol/facts.js'
import { createRedactor } from './redact.js'

describe('createRedactor', () => {
  it('masks each secret and its URL-encoded form, longest first', () => {
    const redact = createRedactor(['ab', 'abc/=', '', null, undefined])
    expect(redact('x abc/= y abc%2F%3D z ab')).toBe(`x ${REDACTED} y ${REDACTED} z ${REDACTED}`)
  })

  it('leaves text alone when there is nothing to mask', () => {
    expect(createRedactor([])('plain')).toBe('plain')
  })
})
