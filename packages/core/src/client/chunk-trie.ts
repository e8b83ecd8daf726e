/** How many characters one level of a {@link ChunkTrie} consumes. */
const CHUNK = 8

/**
 * One level. Under a chunk sits either the one value that continues with it (most values: no
 * level is made for a chunk only one value has) or the level below, once two values share it.
 */
interface TrieNode {
  /** Values whose length is between this level's depth and the next one's, by length. */
  ending?: Map<number, Set<string>>
  /** The next CHUNK characters → the one value continuing with them, or the level below. */
  children?: Map<string, TrieNode | string>
}

/**
 * A set of strings that finds, at any place of a text, the longest of them that starts there. A
 * value is filed under its successive 8-character chunks (as far as it shares them with another
 * value), so a lookup costs one map read per chunk of the longest match and one per distinct value
 * length in a level, however many values there are and however many of them share a prefix (a
 * token family's `sk_live_`, say).
 */
export class ChunkTrie {
  readonly #root: TrieNode = {}

  /** Adds `value`. */
  add(value: string): void {
    let level = this.#root
    let depth = 0
    while (value.length - depth >= CHUNK) {
      const chunk = value.slice(depth, depth + CHUNK)
      level.children ??= new Map()
      const next = level.children.get(chunk)
      if (next === undefined) {
        level.children.set(chunk, value)
        return
      }
      if (typeof next === 'string') {
        if (next === value) return
        // A second value shares the chunk: the first moves down into a level of its own.
        const below: TrieNode = {}
        level.children.set(chunk, below)
        this.#addFrom(below, depth + CHUNK, next)
        level = below
      } else {
        level = next
      }
      depth += CHUNK
    }
    this.#addFrom(level, depth, value)
  }

  #addFrom(level: TrieNode, depth: number, value: string): void {
    if (value.length - depth >= CHUNK) {
      level.children ??= new Map()
      level.children.set(value.slice(depth, depth + CHUNK), value)
      return
    }
    level.ending ??= new Map()
    let set = level.ending.get(value.length)
    if (set === undefined) {
      set = new Set()
      level.ending.set(value.length, set)
    }
    set.add(value)
  }

  /** Removes `value`, and the levels it leaves empty. */
  delete(value: string): void {
    const path: { level: TrieNode; chunk: string }[] = []
    let level = this.#root
    let depth = 0
    while (value.length - depth >= CHUNK) {
      const chunk = value.slice(depth, depth + CHUNK)
      const next = level.children?.get(chunk)
      if (next === undefined) return
      if (typeof next === 'string') {
        if (next !== value) return
        level.children?.delete(chunk)
        this.#prune(path, level)
        return
      }
      path.push({ level, chunk })
      level = next
      depth += CHUNK
    }
    const set = level.ending?.get(value.length)
    if (set === undefined || !set.delete(value)) return
    if (set.size === 0) level.ending?.delete(value.length)
    this.#prune(path, level)
  }

  /** Drops `level` and the levels above it on `path` that hold nothing any more. */
  #prune(path: readonly { level: TrieNode; chunk: string }[], level: TrieNode): void {
    let emptied = level
    for (let step = path.length - 1; step >= 0; step -= 1) {
      if ((emptied.ending?.size ?? 0) > 0 || (emptied.children?.size ?? 0) > 0) return
      const { level: parent, chunk } = path[step] as { level: TrieNode; chunk: string }
      parent.children?.delete(chunk)
      emptied = parent
    }
  }

  /** The length of the longest value that starts at `at` in `text`, or 0. */
  longestAt(text: string, at: number): number {
    let longest = 0
    let level: TrieNode = this.#root
    let depth = 0
    for (;;) {
      if (level.ending !== undefined) {
        for (const [length, values] of level.ending) {
          if (length > longest && values.has(text.slice(at, at + length))) longest = length
        }
      }
      if (level.children === undefined || text.length - at - depth < CHUNK) return longest
      const next = level.children.get(text.slice(at + depth, at + depth + CHUNK))
      if (next === undefined) return longest
      if (typeof next === 'string') {
        return next.length > longest && text.startsWith(next, at) ? next.length : longest
      }
      level = next
      depth += CHUNK
    }
  }
}
