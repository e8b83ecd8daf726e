/**
 * P4: cold start. A fresh Node process that imports `@plugboard/core` and the Chargebee connector
 * (and registers it, so the modules are evaluated, not just loaded) against a bare Node process,
 * in interleaved runs; medians of the wall time from spawn to exit.
 */
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type BenchRow, progress, runAlone } from './lib/row.ts'
import { sideBySideRow } from './lib/side-by-side.ts'
import { formatMs, interleave } from './lib/stats.ts'
import { timeNode } from './lib/time-node.ts'

const ROUNDS = 30
const TARGET = 1.3

const IMPORT_BOTH = [
  "Promise.all([import('@plugboard/core'), import('@plugboard/connector-chargebee')])",
  '.then(([core, cb]) => { core.createRegistry().register(cb.chargebee) })',
].join('')

const here = dirname(fileURLToPath(import.meta.url))

const node = (code: string) => timeNode(['-e', code], here)

/** Runs P4 and returns its row. */
export async function run(): Promise<BenchRow> {
  progress(`P4: ${ROUNDS} interleaved rounds of bare node vs node importing core + chargebee`)
  node('')
  node(IMPORT_BOTH)
  const samples = await interleave(
    ROUNDS,
    async () => node(''),
    async () => node(IMPORT_BOTH),
  )
  return sideBySideRow({
    id: 'P4',
    measures: 'cold start: node importing core + chargebee vs bare node',
    samples,
    format: formatMs,
    target: TARGET,
    better: 'lower',
    notes: ({ baseline, subject }) => [
      `${ROUNDS} interleaved runs per side, median wall time from spawn to exit of \`node -e …\` (the running Node binary, cwd bench/).`,
      `The import itself costs ${formatMs(subject - baseline)} over a bare start.`,
    ],
  })
}

if (import.meta.main) await runAlone(run)
