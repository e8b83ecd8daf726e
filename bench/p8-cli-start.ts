/**
 * P8: CLI start-up. `plugboard-demo connectors --json` (the built CLI, which loads only what the
 * command needs) against a bare `node -e ''`, in interleaved runs; medians of the wall time from
 * spawn to exit.
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type BenchRow, loadNote, progress, runAlone } from './lib/row.ts'
import { sideBySideRow } from './lib/side-by-side.ts'
import { formatMs, interleave } from './lib/stats.ts'
import { timeNode } from './lib/time-node.ts'

const ROUNDS = 30
const TARGET = 1.5

const here = dirname(fileURLToPath(import.meta.url))
const cli = join(here, '..', 'apps', 'demo', 'dist', 'cli.js')

/** Runs P8 and returns its row. */
export async function run(): Promise<BenchRow> {
  progress(`P8: ${ROUNDS} interleaved rounds of bare node vs plugboard-demo connectors --json`)
  // The first run of the CLI fills Node's compile cache, as a user's first run does.
  timeNode(['-e', ''], here)
  timeNode([cli, 'connectors', '--json'], here)
  const samples = await interleave(
    ROUNDS,
    async () => timeNode(['-e', ''], here),
    async () => timeNode([cli, 'connectors', '--json'], here),
  )
  return sideBySideRow({
    id: 'P8',
    measures: 'CLI start-up: plugboard-demo connectors --json vs bare node',
    samples,
    format: formatMs,
    target: TARGET,
    better: 'lower',
    notes: ({ baseline, subject, ratio }) => [
      `${ROUNDS} interleaved runs per side, median wall time from spawn to exit (the running Node binary, cwd bench/).`,
      'The CLI is one minified bundle split per command (apps/demo/tsdown.config.ts); its command line is node:util parseArgs, and Node’s compile cache is on. It takes node:util through `process.getBuiltinModule`: an ES import of it builds its ES module facade, which reads every export and so loads text decoding, worker threads and the diff helpers. A JSON listing opens no standard stream: its one document is written to file descriptor 1, where `process.stdout` would load node:stream (and node:net for a pipe, node:tty for a terminal). apps/demo/test/start-chunks.test.ts checks both.',
      `The command costs ${formatMs(subject - baseline)} over a bare start.`,
      ...(ratio <= TARGET
        ? []
        : [
            `Missed: the command's own start over a bare Node start (${loadNote()}): Node loading its entry as an ES module and its start chunk from the compile cache, then evaluating the chunk, which holds the command line, valibot's functions, every connector (its schemas and descriptor) and core's definitions entry (the registry and \`configEntries\`), parsing the command line, reading every connector's entries and writing the document. Core's main and protocol entries (the platform client, the wire schemas) are not in it: the commands that use them load them. A quieter machine does not help: a bare start shrinks with the load more than the command's own work does, so the ratio rises. What is left is what the listing itself needs on top of Node loading an ES module from a file; meeting the target takes less of that per start, not a smaller chunk.`,
          ]),
    ],
  })
}

if (import.meta.main) await runAlone(run)
