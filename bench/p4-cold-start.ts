/**
 * P4: cold start. A fresh Node process that imports `@plugboard/core` and the Chargebee connector
 * (and registers it, so the modules are evaluated, not just loaded) against a bare Node process,
 * in interleaved runs; medians of the wall time from spawn to exit. An app that provisions imports
 * both, so that is the row's figure. Reported beside it: a fresh process that imports the
 * connector alone (what a package that only defines connectors pays: `@plugboard/core/define` and
 * valibot), one that also provisions one instance against a sandbox (in its own process), so the
 * deferred imports (ky and the protocol's wire schemas the answers are read with) and the set-up
 * of Node's fetch are counted too, and where the import's time goes (the CPU time of each module
 * group, imported in turn in one process; the wire schemas last, as the first request loads
 * them after the main entry), and valibot's
 * module against the few of its functions plugboard calls, bundled alone (p4-valibot-share.ts).
 */

import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { findPackageJSON } from 'node:module'
import { dirname, join } from 'node:path'
import { env, execPath } from 'node:process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { type BenchRow, loadNote, progress, runAlone } from './lib/row.ts'
import { startSandboxProcess } from './lib/sandbox-process.ts'
import { sideBySideRow } from './lib/side-by-side.ts'
import { formatMs, formatRatio, interleave, median } from './lib/stats.ts'
import { timeNode } from './lib/time-node.ts'
import { valibotShare } from './p4-valibot-share.ts'

const ROUNDS = 30
const TARGET = 1.3
/** Fresh processes for the CPU breakdown of the import. */
const BREAKDOWN_ROUNDS = 15

const IMPORT_BOTH = [
  "Promise.all([import('@plugboard/core'), import('@plugboard/connector-chargebee')])",
  '.then(([core, cb]) => { core.createRegistry().register(cb.chargebee) })',
].join('')

/** Imports the connector alone, which imports core's definitions entry. */
const IMPORT_CONNECTOR =
  "import('@plugboard/connector-chargebee').then((cb) => { cb.chargebee.key })"

/** Imports both, creates a client and provisions once; the sandbox is named by the environment. */
const FIRST_PROVISION = [
  "Promise.all([import('@plugboard/core'), import('@plugboard/connector-chargebee')])",
  '.then(([core, cb]) => core.createProvisioningClient({ baseUrl: process.env.P4_BASE_URL,',
  ' userSecret: process.env.P4_USER, organizationSecret: process.env.P4_ORGANIZATION })',
  ".provision(cb.chargebee, { name: 'cold', configuration: { ...cb.chargebee.sample } }))",
  ".then((instance) => { if (typeof instance.token !== 'string') process.exit(1) })",
].join('')

const here = dirname(fileURLToPath(import.meta.url))

const node = (code: string) => timeNode(['-e', code], here)

/** What the import loads, in the order the breakdown imports it: each group's label and module. */
function importStages(): ReadonlyArray<readonly [string, string]> {
  // valibot as core resolves it (bench/ does not depend on it): its package's ESM entry.
  const manifest = findPackageJSON('valibot', import.meta.resolve('@plugboard/core/define'))
  if (manifest === undefined) throw new Error('valibot is not installed beside @plugboard/core')
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: { '.': { import: { default: string } } }
  }
  return [
    ['valibot', new URL(exports['.'].import.default, pathToFileURL(manifest)).href],
    ['core/define', '@plugboard/core/define'],
    ['the connector', '@plugboard/connector-chargebee'],
    ['core', '@plugboard/core'],
    // Not loaded by the import: the client loads the wire schemas with ky, on its first request.
    ['core/protocol', '@plugboard/core/protocol'],
  ]
}

/** Every module of core's build: its entries and the chunks they import (some on a first request). */
function builtCore(): string[] {
  const dist = dirname(fileURLToPath(import.meta.resolve('@plugboard/core')))
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => join(dist, file))
}

/**
 * Imports the stages in turn in fresh processes (`rounds` of them) and returns each stage's
 * median CPU time (user + system, of the whole process: the import's own work, the compiling
 * included), and the CPU time of the process's start before the first import.
 */
function cpuByStage(rounds: number): { start: number; stages: Array<[string, number]> } {
  const stages = importStages()
  const code = [
    'const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }',
    'const times = [cpu()]',
    `for (const s of ${JSON.stringify(stages.map(([, module]) => module))}) { await import(s); times.push(cpu()) }`,
    'console.log(JSON.stringify(times))',
  ].join('\n')
  const runs: number[][] = []
  for (let round = 0; round < rounds; round++) {
    const result = spawnSync(execPath, ['--input-type=module', '-e', code], { cwd: here })
    if (result.status !== 0)
      throw new Error(`the import breakdown failed: ${String(result.stderr)}`)
    runs.push(JSON.parse(String(result.stdout)) as number[])
  }
  return {
    start: median(runs.map((times) => times[0] ?? 0)),
    stages: stages.map(([label], index) => [
      label,
      median(runs.map((times) => (times[index + 1] ?? 0) - (times[index] ?? 0))),
    ]),
  }
}

/** Runs P4 and returns its row. */
export async function run(): Promise<BenchRow> {
  const server = await startSandboxProcess()
  try {
    const [user, organization] = server.authorization
      .split(',')
      .map((part) => part.trim().split(' ')[1] ?? '')
    env.P4_BASE_URL = server.baseUrl
    env.P4_USER = user ?? ''
    env.P4_ORGANIZATION = organization ?? ''
    progress(
      `P4: ${ROUNDS} interleaved rounds of bare node, importing core + chargebee, and importing then provisioning once`,
    )
    node('')
    node(IMPORT_BOTH)
    node(IMPORT_CONNECTOR)
    node(FIRST_PROVISION)
    const provisioned: number[] = []
    const connectorOnly: number[] = []
    const samples = await interleave(
      ROUNDS,
      async () => node(''),
      async () => {
        provisioned.push(node(FIRST_PROVISION))
        connectorOnly.push(node(IMPORT_CONNECTOR))
        return node(IMPORT_BOTH)
      },
    )
    const bare = median(samples.baseline)
    const first = median(provisioned)
    const alone = median(connectorOnly)
    const breakdown = cpuByStage(BREAKDOWN_ROUNDS)
    const share = await valibotShare(
      importStages()[0]?.[1] ?? '',
      [...builtCore(), fileURLToPath(import.meta.resolve('@plugboard/connector-chargebee'))],
      BREAKDOWN_ROUNDS,
    )
    const cpuOf = (label: string) => breakdown.stages.find(([name]) => name === label)?.[1] ?? 0
    const stagesNote = breakdown.stages.map(([label, ms]) => `${label} ${formatMs(ms)}`).join(', ')
    const row = sideBySideRow({
      id: 'P4',
      measures: 'cold start: node importing core + chargebee vs bare node',
      samples,
      format: formatMs,
      target: TARGET,
      better: 'lower',
      notes: ({ baseline, subject, ratio }) => [
        `${ROUNDS} interleaved runs per side, median wall time from spawn to exit of \`node -e …\` (the running Node binary, cwd bench/).`,
        `The import itself costs ${formatMs(subject - baseline)} over a bare start; ky and the protocol's wire schemas are not imported yet: the client imports them on its first request, and the main entry imports the protocol's plain facts (\`dist/protocol/plain-facts.js\`) without its wire schemas. The client's implementation itself is imported with the entry (\`createPlatformClient\` and \`createProvisioningClient\` are synchronous): loading it on the first call as well was built and measured (about 2.4 ms of CPU less at import) and not kept, because a consumer that bundles with code splitting then loaded about 5 KB more (gzip) by its first provision, for a row it did not bring under the target.`,
        `Importing the connector alone (it imports \`@plugboard/core/define\`, the definition helpers, and valibot; what a package that only defines connectors pays) takes ${formatMs(alone)} (median of ${ROUNDS}, spread ${formatMs(Math.min(...connectorOnly))}–${formatMs(Math.max(...connectorOnly))}), ${formatRatio(alone / bare)} of a bare start. Reported, no target.`,
        `Where the import's time goes, in CPU time (user + system) of a fresh process importing each in turn, medians of ${BREAKDOWN_ROUNDS}: ${stagesNote}; the process's own start before the first import is ${formatMs(breakdown.start)}. The first figure is valibot's module, compiled and instantiated whole; each later one is that module group's own work (resolving its imports, compiling, evaluating), valibot's first use by its schemas included. The last, the protocol entry with its wire schemas, is not part of the row's import: a client's first request loads it (the first provision below pays it).`,
        `valibot's share: its module exports ${share.exports} names, and loading it compiles and instantiates all of them; plugboard's schemas (core's build, every entry and chunk, and the connector) call ${share.used} of its functions, and those alone, bundled by esbuild, cost ${formatMs(share.bundled)} of CPU to import against ${formatMs(share.whole)} for the module (a fresh process importing either, medians of ${BREAKDOWN_ROUNDS} side by side).`,
        ...(ratio <= TARGET
          ? []
          : [
              `Missed: what the import costs over a bare start (${formatMs(subject - baseline)} on this run's machine, ${loadNote()}) is mostly loading modules, not building schemas: valibot's module (${formatMs(cpuOf('valibot'))} of CPU, against ${formatMs(breakdown.start)} for the whole start of a bare process), core's definitions entry (${formatMs(cpuOf('core/define'))}) and the connector (${formatMs(cpuOf('the connector'))}), which every app that registers a connector loads, and core's main entry (core ${formatMs(cpuOf('core'))}: the client, the error classes, the connector descriptions, the option checks). The wire schemas (core/protocol ${formatMs(cpuOf('core/protocol'))}) are no longer part of the import: the first request pays them. The connector alone, without core's main entry, is already ${formatRatio(alone / bare)} of a bare start, so the target needs valibot's own cost cut: valibot's functions bundled into core for the connectors to take from it (the difference above) is not clean: a connector package would take valibot's functions from core (one built against a newer core could ask for one an older core lacks) or carry its own copy, which a consumer's bundle would hold beside core's (P3); an app that uses valibot itself would load two copies, and valibot's global settings (messages, language) would no longer reach plugboard's schemas; a valibot fix would wait for a core release.`,
            ]),
        `Second figure, the first provision after a cold start: a fresh process that imports both, creates a \`createProvisioningClient\` and provisions one instance against a sandbox in its own process takes ${formatMs(first)} (median of ${ROUNDS}, spread ${formatMs(Math.min(...provisioned))}–${formatMs(Math.max(...provisioned))}), ${formatRatio(first / bare)} of a bare start: ${formatMs(first - subject)} over the import alone, which is the deferred imports (ky and the wire schemas), Node setting up its fetch, one TCP connection and one provisioning round trip (the sandbox's own work included). Reported, no target.`,
      ],
    })
    return {
      ...row,
      plugboard: `${row.plugboard}; first provision ${formatMs(first)}`,
      ratio: `${row.ratio}; ${formatRatio(first / bare)}`,
    }
  } finally {
    await server.close()
  }
}

if (import.meta.main) await runAlone(run)
