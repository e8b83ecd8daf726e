import type { SQLInputValue } from 'node:sqlite'
import { columns } from './schema.js'
import type { ListQuery } from './store-types.js'

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
  if (tags.length === 1) {
    conditions.push(
      'EXISTS (SELECT 1 FROM instance_tags t WHERE t.instance_id = instances.id AND t.tag = ?)',
    )
    values.push(tags[0] as string)
  } else if (tags.length > 1) {
    // One condition for any number of tags (one EXISTS per tag overflows SQLite's expression
    // depth at about a thousand tags): the instance carries as many of the tags as were asked.
    conditions.push(
      '(SELECT COUNT(*) FROM instance_tags t WHERE t.instance_id = instances.id AND t.tag IN (SELECT value FROM json_each(?))) = ?',
    )
    values.push(JSON.stringify(tags), tags.length)
  }
  values.push(query.limit)
  const sql = `SELECT ${columns} FROM instances WHERE ${conditions.join(' AND ')} ORDER BY id LIMIT ?`
  return { sql, values }
}
