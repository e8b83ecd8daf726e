import { describe, expect, it } from 'vitest'
import { random32, randomDraw } from './random.js'

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

describe('randomDraw', () => {
  it('hands out slices of the asked size that never overlap, and refuses sizes it cannot serve', () => {
    const draws = Array.from({ length: 2000 }, (_, index) => randomDraw((index % 40) + 1))
    const copies = draws.map((bytes) => Buffer.from(bytes))
    expect(draws.map((bytes) => bytes.length)).toEqual(draws.map((_, index) => (index % 40) + 1))
    // Later draws (and pool refills) leave earlier slices as they were.
    const ivs = Array.from({ length: 1000 }, () => randomDraw(12).toString('hex'))
    expect(new Set(ivs).size).toBe(1000)
    expect(draws.every((bytes, index) => bytes.equals(copies[index] as Buffer))).toBe(true)
    expect(() => randomDraw(0)).toThrow(RangeError)
    expect(() => randomDraw(257)).toThrow(RangeError)
    expect(() => randomDraw(1.5)).toThrow(RangeError)
  })
})
