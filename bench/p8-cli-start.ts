/**
 * P8: CLI start-up. `plugboard-demo connectors --json` (the built CLI, which loads only what the
 * command needs) against a bare `node -e ''`, in interleaved runs; medians of the wall time from
 * spawn to exit.
 */
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { execPath } from 'node:process'
import { fileURLToPath } from 'node:url'
import { type BenchRow, progress, runAlone } from './lib/row.ts'
import { formatMs, formatRatio, interleave, median } from './lib/stats.ts'

const ROUNDS = 30
const TARGET = 1.5

const here = dirname(fileURLToPath(import.meta.url))
const cli = join(here, '..', 'apps', 'demo', 'dist', 'cli.js')

function timeNode(args: readonly string[]): number {
  const started = performance.now()
  const result = spawnSync(execPath, args, { cwd: here, stdio: ['ignore', 'ignore', 'pipe'] })
  const elapsed = performance.now() - started
  if (result.status !== 0) {
    throw new Error(`node ${args.join(' ')} exited with ${result.status}: ${result.stderr}`)
  }
  return elapsed
}

/** Runs P8 and returns its row. */
export async function run(): Promise<BenchRow> {
  progress(`P8: ${ROUNDS} interleaved rounds of bare node vs plugboard-demo connectors --json`)
  // The first run of the CLI fills Node's compile cache, as a user's first run does.
  timeNode(['-e', ''])
  timeNode([cli, 'connectors', '--json'])
  const samples = await interleave(
    ROUNDS,
    async () => timeNode(['-e', '']),
    async () => timeNode([cli, 'connectors', '--json']),
  )
  const baseline = median(samples.baseline)
  const subject = median(samples.subject)
  const ratio = subject / baseline
  return {
    id: 'P8',
    measures: 'CLI start-up: plugboard-demo connectors --json vs bare node',
    baseline: formatMs(baseline),
    plugboard: formatMs(subject),
    ratio: formatRatio(ratio),
    target: `≤ ${TARGET}×`,
    pass: ratio <= TARGET,
    notes: [
      `${ROUNDS} interleaved runs per side, median wall time from spawn to exit (the running Node binary, cwd bench/).`,
      'The CLI is one minified bundle split per command (apps/demo/tsdown.config.ts); its command line is node:util parseArgs, and Node’s compile cache is on.',
      `The command costs ${formatMs(subject - baseline)} over a bare start.`,
    ],
  }
}

if (import.meta.main) await runAlone(run)
