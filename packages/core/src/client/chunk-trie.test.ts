import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ChunkTrie } from './chunk-trie.js'

/** The same question answered the slow way: every value tried at the place. */
function longestByHand(values: ReadonlySet<string>, text: string, at: number): number {
  let longest = 0
  for (const value of values) {
    if (value.length > longest && text.startsWith(value, at)) longest = value.length
  }
  return longest
}

// Few letters, so that values share prefixes and occur in the texts.
const word = fc.string({ unit: fc.constantFrom('a', 'b', '_'), minLength: 1, maxLength: 26 })

describe('ChunkTrie', () => {
  it('finds the longest value at every place, as trying each value does, across adds and deletes', () => {
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.array(word, { minLength: 1, maxLength: 5 }),
        (added, deletions, pieces) => {
          const trie = new ChunkTrie()
          const values = new Set<string>()
          for (const value of added) {
            if (values.has(value)) continue
            values.add(value)
            trie.add(value)
          }
          for (const pick of deletions) {
            const value = [...values][pick % Math.max(values.size, 1)]
            if (value === undefined) continue
            values.delete(value)
            trie.delete(value)
          }
          const text = pieces.join('')
          for (let at = 0; at <= text.length; at++) {
            expect(trie.longestAt(text, at)).toBe(longestByHand(values, text, at))
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('keeps values apart that share a long prefix, and forgets a deleted one', () => {
    const trie = new ChunkTrie()
    const family = Array.from({ length: 50_000 }, (_, n) => `sk_live_0000000000_${n}`)
    for (const value of family) trie.add(value)
    expect(trie.longestAt('x sk_live_0000000000_49999 y', 2)).toBe(
      'sk_live_0000000000_49999'.length,
    )
    expect(trie.longestAt('x sk_live_0000000000_50000 y', 2)).toBe('sk_live_0000000000_5000'.length)
    for (const value of family) trie.delete(value)
    expect(trie.longestAt('sk_live_0000000000_1', 0)).toBe(0)
  })
})
