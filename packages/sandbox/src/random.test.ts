import { describe, expect, it } from 'vitest'
import { random32 } from './random.js'

describe('random32', () => {
  it('hands out distinct 32-byte slices across pool refills, which later draws leave intact', () => {
    const first = random32()
    const copy = Buffer.from(first)
    const seen = new Set<string>()
    for (let draw = 0; draw < 1000; draw++) {
      const bytes = random32()
      expect(bytes).toHaveLength(32)
      seen.add(bytes.toString('hex'))
    }
    expect(seen.size).toBe(1000)
    expect(seen.has(copy.toString('hex'))).toBe(false)
    expect(first.equals(copy)).toBe(true)
  })
})
