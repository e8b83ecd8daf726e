import { availableParallelism, loadavg } from 'node:os'
import { argv, stderr, stdout } from 'node:process'

/** One line of the results table. */
export interface BenchRow {
  /** The benchmark's id (`P1`…). */
  readonly id: string
  /** What is measured, in a few words. */
  readonly measures: string
  /** The baseline's measurement, formatted. */
  readonly baseline: string
  /** plugboard's measurement, formatted. */
  readonly plugboard: string
  /** The headline ratio (or value), formatted. */
  readonly ratio: string
  /** The target, formatted. */
  readonly target: string
  /** Whether the target is met. */
  readonly pass: boolean
  /** A figure reported without a target of its own: shown as `report`, not counted as a target. */
  readonly report?: boolean
  /** Details worth reading beside the row: sample counts, spreads, the cause of a miss. */
  readonly notes: readonly string[]
}

const COLUMNS = ['id', 'measures', 'baseline', 'plugboard', 'ratio', 'target', 'result'] as const

function cells(row: BenchRow): string[] {
  return [
    row.id,
    row.measures,
    row.baseline,
    row.plugboard,
    row.ratio,
    row.target,
    row.report === true ? 'report' : row.pass ? 'pass' : 'FAIL',
  ]
}

/** The rows as a Markdown table (valid Markdown, aligned for reading in a terminal too). */
export function formatTable(rows: readonly BenchRow[]): string {
  const table = [COLUMNS.slice(), ...rows.map(cells)]
  const widths = COLUMNS.map((_, column) =>
    Math.max(...table.map((line) => (line[column] ?? '').length)),
  )
  const line = (values: readonly string[]): string =>
    `| ${values.map((value, column) => value.padEnd(widths[column] ?? 0)).join(' | ')} |`
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`
  const [header, ...body] = table
  return [line(header ?? []), rule, ...body.map(line)].join('\n')
}

/** The notes of every row, as a Markdown list grouped by id. */
export function formatNotes(rows: readonly BenchRow[]): string {
  return rows
    .filter((row) => row.notes.length > 0)
    .map((row) => [`**${row.id}**`, ...row.notes.map((note) => `- ${note}`)].join('\n'))
    .join('\n\n')
}

/**
 * The machine's load, for the note of a row that missed its target: on a shared machine the
 * other processes' work is often why.
 */
export function loadNote(): string {
  const [one = 0, five = 0] = loadavg()
  return `load average ${one.toFixed(1)} (1 min), ${five.toFixed(1)} (5 min) on ${availableParallelism()} cores at the end of this benchmark`
}

/** Writes a progress line to stderr, so stdout stays the result. */
export function progress(message: string): void {
  stderr.write(`${message}\n`)
}

/**
 * Runs one benchmark as a script: prints its row (or rows) as a table with its notes, or, with
 * `--json`, the rows as one line of JSON, an array (how `run-all.ts` collects them).
 */
export async function runAlone(run: () => Promise<BenchRow | BenchRow[]>): Promise<void> {
  const result = await run()
  const rows = Array.isArray(result) ? result : [result]
  if (argv.includes('--json')) {
    stdout.write(`${JSON.stringify(rows)}\n`)
    return
  }
  stdout.write(`${formatTable(rows)}\n\n${formatNotes(rows)}\n`)
}
