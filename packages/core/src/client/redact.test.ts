import { describe, expect, it } from 'vitest'
import { MASK as REDACTED } from '../protocol/facts.js'
import { createRedactor, MIN_REMEMBERED_LENGTH, SecretIndex } from './redact.js'

describe('createRedactor', () => {
  it('masks each secret and its URL-encoded form, longest first', () => {
    const redact = createRedactor(['ab', 'abc/=', '', null, undefined])
    expect(redact('x abc/= y abc%2F%3D z ab')).toBe(`x ${REDACTED} y ${REDACTED} z ${REDACTED}`)
  })

  it('leaves text alone when there is nothing to mask', () => {
    expect(createRedactor([])('plain')).toBe('plain')
  })

  it('masks secrets inside longer runs, next to each other and with spaces in them', () => {
    const redact = createRedactor(['tok3n-VALUE-1', 'pass word!', 'short'])
    expect(redact('token=tok3n-VALUE-1;tok3n-VALUE-1pass word!, shorter')).toBe(
      `token=${REDACTED};${REDACTED}${REDACTED}, ${REDACTED}er`,
    )
  })
})

describe('SecretIndex', () => {
  it('masks every remembered value in one pass, plus the extra secrets of one call', () => {
    const index = new SecretIndex()
    for (let n = 0; n < 10_000; n++) index.remember(`token-${n.toString(36)}-value`)
    const redact = index.redactor(['call-secret'])
    expect(redact('a token-7pr-value b token-0-value c call-secret d token-zzzz-value')).toBe(
      `a ${REDACTED} b ${REDACTED} c ${REDACTED} d token-zzzz-value`,
    )
  })

  it('masks and forgets values that share their first characters (a token family prefix)', () => {
    const index = new SecretIndex(100_000, Number.POSITIVE_INFINITY)
    for (let n = 0; n < 120_000; n++) index.remember(`sk_live_${n.toString(36).padStart(6, '0')}`)
    const redact = index.redactor()
    // The first 20,000 were forgotten to keep 100,000: the newest and the oldest kept are masked,
    // the first one and one never remembered are not.
    expect(redact('sk_live_000000 sk_live_002klb sk_live_000ffk sk_live_002klc')).toBe(
      `sk_live_000000 ${REDACTED} ${REDACTED} sk_live_002klc`,
    )
  })

  it(`does not remember values shorter than ${MIN_REMEMBERED_LENGTH} characters`, () => {
    const index = new SecretIndex()
    index.remember('true')
    index.remember('abcdef')
    expect(index.has('true')).toBe(false)
    expect(index.redactor()('true abcdef')).toBe(`true ${REDACTED}`)
  })

  it('is bounded: past its limit it forgets the value remembered longest ago', () => {
    const index = new SecretIndex(3, Number.POSITIVE_INFINITY)
    for (const value of ['value-1', 'value-2', 'value-3']) index.remember(value)
    index.remember('value-1') // used again: now the most recent
    index.remember('value-4')
    expect(index.size).toBe(3)
    expect(index.has('value-2')).toBe(false)
    expect(index.redactor()('value-1 value-2 value-3 value-4')).toBe(
      `${REDACTED} value-2 ${REDACTED} ${REDACTED}`,
    )
  })

  it('bounds the characters it holds too, and never forgets a pinned secret', () => {
    const index = new SecretIndex(Number.POSITIVE_INFINITY, 30)
    index.pin('pinned-secret')
    for (let n = 0; n < 100; n++) index.remember(`remembered-${n}`)
    expect(index.has('pinned-secret')).toBe(true)
    expect(index.size).toBe(2)
    expect(index.redactor()('pinned-secret remembered-98 remembered-99')).toBe(
      `${REDACTED} remembered-98 ${REDACTED}`,
    )
  })

  it('keeps its bound with 200,000 values remembered', () => {
    const index = new SecretIndex()
    for (let n = 0; n < 200_000; n++) index.remember(`${n}-cuED0DezalhhzK2OtO6kMP7NvPnMyNcRDZc`)
    // 100,000 values at most, and 16 Mi characters at most.
    expect(index.size).toBe(100_000)
    const redact = index.redactor()
    expect(redact('x 199999-cuED0DezalhhzK2OtO6kMP7NvPnMyNcRDZc y')).toBe(`x ${REDACTED} y`)
    expect(redact('x 0-cuED0DezalhhzK2OtO6kMP7NvPnMyNcRDZc y')).toContain('0-cuED0')
  })
})
