import { describe, expect, it } from 'vitest'
import { listStatement } from './list-query.js'
import { SandboxStore } from './store.js'

/** Tags that JSON writes with escapes, that hide one tag's text inside another's, or that are odd. */
const tricky = [
  'plain',
  'with "quotes"',
  'back\\slash',
  'x","plain',
  '"plain"',
  'plai',
  'lain',
  'ünïcødé ✓',
  '😀 astral',
  '\uFFFD',
  'tab\there',
  'line\nbreak',
  '',
  'PLAIN',
]

describe('list by tags', () => {
  it('finds exactly the instances carrying every asked tag, whatever the tags hold', () => {
    const store = new SandboxStore(':memory:')
    // Instance n carries tricky tags n and n+1 (wrapping).
    const tagsOf = tricky.map((_, n) => [
      tricky[n] as string,
      tricky[(n + 1) % tricky.length] as string,
    ])
    const { firstId } = store.seed({
      count: tagsOf.length,
      organization: 'a',
      connectorKey: 'k',
      configuration: {},
      tags: (n) => tagsOf[n] ?? [],
    })
    store.seed({
      count: 2,
      organization: 'b',
      connectorKey: 'k',
      configuration: {},
      tags: () => tricky,
    })
    const expected = (asked: readonly string[]) =>
      tagsOf.flatMap((tags, n) => (asked.every((tag) => tags.includes(tag)) ? [firstId + n] : []))
    const found = (asked: readonly string[]) =>
      store.list({ organization: 'a', tags: asked, afterId: 0, limit: 100 }).map((r) => r.id)
    let matched = 0
    for (const [n, tag] of tricky.entries()) {
      const next = tricky[(n + 1) % tricky.length] as string
      for (const asked of [[tag], [tag, next], [next, tag, tag], [tag, 'absent']]) {
        expect(found(asked), JSON.stringify(asked)).toEqual(expected(asked))
        matched += expected(asked).length
      }
    }
    expect(matched).toBeGreaterThan(tricky.length * 3)
    expect(found(tricky)).toEqual([])
    store.close()
  })

  it('tests a tag as text only where that cannot miss one json_each would find', () => {
    const texts = (tags: string[]) =>
      listStatement({ organization: 'a', tags, afterId: 0, limit: 10 }).values.filter(
        (value) => typeof value === 'string' && value.startsWith('"'),
      )
    expect(texts(['plain'])).toEqual(['"plain"'])
    expect(texts(['with "quotes"', 'back\\slash', '\uFFFD', 'line\nbreak'])).toEqual([])
    expect(texts(Array.from({ length: 20 }, (_, n) => `t${n}`))).toHaveLength(8)
  })
})
