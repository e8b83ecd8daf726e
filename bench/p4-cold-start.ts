/**
 * P4: cold start. A fresh Node process that imports `@plugboard/core` and the Chargebee connector
 * (and registers it, so the modules are evaluated, not just loaded) against a bare Node process,
 * in interleaved runs; medians of the wall time from spawn to exit.
 */
import { spawnSync } from 'node:child_process'
import { dirname } from 'node:path'
import { execPath } from 'node:process'
import { fileURLToPath } from 'node:url'
import { type BenchRow, progress, runAlone } from './lib/row.ts'
import { formatMs, formatRatio, interleave, median } from './lib/stats.ts'

const ROUNDS = 30
const TARGET = 1.3

const IMPORT_BOTH = [
  "Promise.all([import('@plugboard/core'), import('@plugboard/connector-chargebee')])",
  '.then(([core, cb]) => { core.createRegistry().register(cb.chargebee) })',
].join('')

const here = dirname(fileURLToPath(import.meta.url))

function timeNode(code: string): number {
  const started = performance.now()
  const result = spawnSync(execPath, ['-e', code], {
    cwd: here,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const elapsed = performance.now() - started
  if (result.status !== 0) {
    throw new Error(`node -e exited with ${result.status}: ${result.stderr.toString()}`)
  }
  return elapsed
}

/** Runs P4 and returns its row. */
export async function run(): Promise<BenchRow> {
  progress(`P4: ${ROUNDS} interleaved rounds of bare node vs node importing core + chargebee`)
  timeNode('')
  timeNode(IMPORT_BOTH)
  const samples = await interleave(
    ROUNDS,
    async () => timeNode(''),
    async () => timeNode(IMPORT_BOTH),
  )
  const baseline = median(samples.baseline)
  const subject = median(samples.subject)
  const ratio = subject / baseline
  return {
    id: 'P4',
    measures: 'cold start: node importing core + chargebee vs bare node',
    baseline: formatMs(baseline),
    plugboard: formatMs(subject),
    ratio: formatRatio(ratio),
    target: `≤ ${TARGET}×`,
    pass: ratio <= TARGET,
    notes: [
      `${ROUNDS} interleaved runs per side, median wall time from spawn to exit of \`node -e …\` (the running Node binary, cwd bench/).`,
      `The import itself costs ${formatMs(subject - baseline)} over a bare start.`,
    ],
  }
}

if (import.meta.main) await runAlone(run)
