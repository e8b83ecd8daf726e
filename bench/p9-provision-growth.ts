/**
 * P9: the sandbox's `POST /instances` throughput with 100,000 instances already stored against
 * 100. Two sandboxes, each in its own process on a database file (as the sandbox runs for a user),
 * seeded in one transaction; the same concurrent load on each, alternating round by round.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import type { Agent } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { provisionBody } from './lib/chargebee-body.ts'
import { keepAliveAgent, send } from './lib/http.ts'
import { concurrentLoad } from './lib/load.ts'
import { type BenchRow, loadNote, progress, runAlone } from './lib/row.ts'
import { type SandboxProcess, startSandboxProcess } from './lib/sandbox-process.ts'
import { sideBySideRow } from './lib/side-by-side.ts'
import { interleave } from './lib/stats.ts'

const SMALL = 100
const LARGE = 100_000
const CLIENTS = 8
const REQUESTS_PER_ROUND = 400
const ROUNDS = 10
const TARGET = 0.9

/** Runs P9 and returns its row. */
export async function run(): Promise<BenchRow> {
  const folder = mkdtempSync(join(tmpdir(), 'plugboard-p9-'))
  progress(`P9: seeding ${LARGE} and ${SMALL} instances into database files`)
  const [small, large] = await Promise.all([
    startSandboxProcess(SMALL, join(folder, 'small.db')),
    startSandboxProcess(LARGE, join(folder, 'large.db')),
  ])
  const agent: Agent = keepAliveAgent(CLIENTS * 2)
  let created = 0
  try {
    const headers = (server: SandboxProcess) => ({
      authorization: server.authorization,
      accept: 'application/json',
      'content-type': 'application/json',
    })
    const load = (server: SandboxProcess) =>
      concurrentLoad(CLIENTS, REQUESTS_PER_ROUND, async () => {
        const answer = await send(
          agent,
          `${server.baseUrl}/instances`,
          'POST',
          headers(server),
          provisionBody(created++),
        )
        if (answer.status !== 200) throw new Error(`POST /instances answered ${answer.status}`)
      })
    progress(`P9: ${ROUNDS} interleaved rounds of ${REQUESTS_PER_ROUND} provisions per side`)
    await load(small)
    await load(large)
    const samples = await interleave(
      ROUNDS,
      () => load(small),
      () => load(large),
    )
    return sideBySideRow({
      id: 'P9',
      measures: `sandbox POST /instances with ${LARGE.toLocaleString('en')} stored vs ${SMALL}`,
      samples,
      format: (rate) => `${rate.toFixed(0)} req/s`,
      target: TARGET,
      better: 'higher',
      notes: ({ ratio }) => [
        `${ROUNDS} interleaved rounds × ${REQUESTS_PER_ROUND} provisions per side over ${CLIENTS} keep-alive connections; median requests per second (baseline: ${SMALL} stored; plugboard: ${LARGE.toLocaleString('en')} stored).`,
        `Each sandbox serves from its own process on a database file; the large one was seeded in ${(large.seedMs / 1000).toFixed(1)} s in one transaction.`,
        'What a provision does to the database does not grow with it: one INSERT (a prepared statement) whose tag rows a trigger writes; every index it touches (token digest, organization and id, tag and id) is a B-tree insert (logarithmic), and no query counts, scans or looks up the maximum id (AUTOINCREMENT reads one row of sqlite_sequence). Only the token-digest index is written at a random place, so the larger table has more of it outside the page cache. On a file, provisions that arrive together share one transaction (group commit, about 5 per commit with 8 connections), so their WAL writes are shared too.',
        ...(ratio >= TARGET
          ? []
          : [
              `Missed (${loadNote()}): on a quiet machine the two sides came out at 1.00× and 1.06× (session 4, before and after that round's changes), and the database work does not grow (above); the two sandboxes alternate on two shared cores, so a round that meets a busy moment moves the ratio. If the ratio stays low on a quiet machine, look at the token-digest index against the page cache (PRAGMA cache_size) first.`,
            ]),
      ],
    })
  } finally {
    agent.destroy()
    await Promise.all([small.close(), large.close()])
    rmSync(folder, { recursive: true, force: true })
  }
}

if (import.meta.main) await runAlone(run)
