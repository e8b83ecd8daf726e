/**
 * P4: cold start. A fresh Node process that imports `@plugboard/core` and the Chargebee connector
 * (and registers it, so the modules are evaluated, not just loaded) against a bare Node process,
 * in interleaved runs; medians of the wall time from spawn to exit. The second figure: a fresh
 * process that also provisions one instance against a sandbox (in its own process), so the
 * deferred import of ky and the set-up of Node's fetch are counted too.
 */

import { dirname } from 'node:path'
import { env } from 'node:process'
import { fileURLToPath } from 'node:url'
import { type BenchRow, loadNote, progress, runAlone } from './lib/row.ts'
import { startSandboxProcess } from './lib/sandbox-process.ts'
import { sideBySideRow } from './lib/side-by-side.ts'
import { formatMs, formatRatio, interleave, median } from './lib/stats.ts'
import { timeNode } from './lib/time-node.ts'

const ROUNDS = 30
const TARGET = 1.3

const IMPORT_BOTH = [
  "Promise.all([import('@plugboard/core'), import('@plugboard/connector-chargebee')])",
  '.then(([core, cb]) => { core.createRegistry().register(cb.chargebee) })',
].join('')

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
    node(FIRST_PROVISION)
    const provisioned: number[] = []
    const samples = await interleave(
      ROUNDS,
      async () => node(''),
      async () => {
        provisioned.push(node(FIRST_PROVISION))
        return node(IMPORT_BOTH)
      },
    )
    const bare = median(samples.baseline)
    const first = median(provisioned)
    const row = sideBySideRow({
      id: 'P4',
      measures: 'cold start: node importing core + chargebee vs bare node',
      samples,
      format: formatMs,
      target: TARGET,
      better: 'lower',
      notes: ({ baseline, subject, ratio }) => [
        `${ROUNDS} interleaved runs per side, median wall time from spawn to exit of \`node -e …\` (the running Node binary, cwd bench/).`,
        `The import itself costs ${formatMs(subject - baseline)} over a bare start; ky is not imported yet (the client loads it on its first request).`,
        ...(ratio <= TARGET
          ? []
          : [
              `Missed: importing core evaluates its one bundled entry (dist/index.js: client, registry, connector descriptions, errors) and the protocol entry's wire schemas, though the connector only needs the definition helpers; the connector itself imports valibot (every connector's schemas need it, whatever core does) and builds its schemas. On this run's machine (${loadNote()}) the import costs ${formatMs(subject - baseline)}. Meeting the target takes a lighter entry that connectors and applications that only define or register connectors import (the definition helpers and the registry, without the client, the descriptions and the wire schemas, which would load when a client is made), and the connectors importing it. Loading the wire schemas lazily from the one entry was tried and saved little: most of their cost is valibot's own first use, which the connector's schemas then pay.`,
            ]),
        `Second figure, the first provision after a cold start: a fresh process that imports both, creates a \`createProvisioningClient\` and provisions one instance against a sandbox in its own process takes ${formatMs(first)} (median of ${ROUNDS}, spread ${formatMs(Math.min(...provisioned))}–${formatMs(Math.max(...provisioned))}), ${formatRatio(first / bare)} of a bare start: ${formatMs(first - subject)} over the import alone, which is the deferred import of ky, Node setting up its fetch, one TCP connection and one provisioning round trip (the sandbox's own work included). Reported, no target.`,
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
