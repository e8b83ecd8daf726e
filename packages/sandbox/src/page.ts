import { SANDBOX_LIMITS } from './limits.js'
import type { InstanceRecord } from './store.js'

/** One page of `GET /instances`: its JSON text, and the last id it covers when more follow. */
export interface Page {
  /** The JSON array of the page's instances. */
  readonly text: string
  /** The id the next page starts after, when there is a next page. */
  readonly nextAfterId: number | undefined
}

/**
 * Builds one page of instances from `records` (in id order, at least `pageSize + 1` of them when
 * more follow), taking at most `pageSize` records and at most `maxBytes` of JSON text. A page cut
 * short by the byte budget still names a next page; a page always holds at least one instance.
 * `present` turns a record into its JSON text, or `undefined` to leave it out (it still counts
 * toward `pageSize`). Stops reading `records` as soon as the page is full.
 */
export function buildPage(
  records: Iterable<InstanceRecord>,
  pageSize: number,
  present: (record: InstanceRecord) => string | undefined,
  maxBytes: number = SANDBOX_LIMITS.pageBytes,
): Page {
  const items: string[] = []
  let bytes = 2
  let taken = 0
  let lastId: number | undefined
  let more = false
  for (const record of records) {
    if (taken === pageSize) {
      more = true
      break
    }
    const json = present(record)
    if (json !== undefined) {
      const size = Buffer.byteLength(json, 'utf8') + 1
      if (items.length > 0 && bytes + size > maxBytes) {
        more = true
        break
      }
      items.push(json)
      bytes += size
    }
    taken++
    lastId = record.id
  }
  return { text: `[${items.join(',')}]`, nextAfterId: more ? lastId : undefined }
}
