import type { SQLInputValue } from 'node:sqlite'
import { columns } from './schema.js'
import type { ListQuery } from './store-types.js'

/** How many of the asked tags get the cheap text test (each is one more condition). */
const PREFILTERED_TAGS = 8

/** The SQL and parameters of one page of `list`: keyset paging in id order, filters as asked. */
export function listStatement(query: ListQuery): { sql: string; values: SQLInputValue[] } {
  const conditions = ['organization = ?', 'id > ?']
  const values: SQLInputValue[] = [query.organization, query.afterId]
  if (query.connectorKey !== undefined) {
    conditions.push('connector_key = ?')
    values.push(query.connectorKey)
  }
  if (query.searchText !== undefined && query.searchText !== '') {
    const pattern = `%${query.searchText.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    conditions.push("(name LIKE ? ESCAPE '\\' OR connector_key LIKE ? ESCAPE '\\')")
    values.push(pattern, pattern)
  }
  const tags = [...new Set(query.tags)]
  // A tag's JSON text is in the row's tags (a JSON array written by JSON.stringify) wherever the
  // tag is: a cheap test that rejects most rows before json_each reads the array. Only for tags
  // JSON writes as they are (no escapes) and without U+FFFD, so that the test never rejects a row
  // json_each would accept.
  for (const tag of tags.slice(0, PREFILTERED_TAGS)) {
    const text = JSON.stringify(tag)
    if (text.includes('\\') || tag.includes('\uFFFD')) continue
    conditions.push('instr(tags, ?) > 0')
    values.push(text)
  }
  if (tags.length === 1) {
    conditions.push('EXISTS (SELECT 1 FROM json_each(instances.tags) WHERE value = ?)')
    values.push(tags[0] as string)
  } else if (tags.length > 1) {
    // One condition for any number of tags (one EXISTS per tag overflows SQLite's expression
    // depth at about a thousand tags): the instance carries as many of the tags as were asked.
    conditions.push(
      '(SELECT COUNT(DISTINCT value) FROM json_each(instances.tags) WHERE value IN (SELECT value FROM json_each(?))) = ?',
    )
    values.push(JSON.stringify(tags), tags.length)
  }
  values.push(query.limit)
  const sql = `SELECT ${columns} FROM instances WHERE ${conditions.join(' AND ')} ORDER BY id LIMIT ?`
  return { sql, values }
}
