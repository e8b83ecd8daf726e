/**
 * P2: the sandbox's `POST /instances` throughput against the same server's trivial route, with
 * concurrent clients. The trivial route is the unauthenticated readiness check `GET /health`
 * (`{"status":"ok"}`). Rounds alternate the sides; each yields requests per second.
 */
import type { Agent } from 'node:http'
import { provisionBody } from './lib/chargebee-body.ts'
import { keepAliveAgent, send } from './lib/http.ts'
import { type BenchRow, progress, runAlone } from './lib/row.ts'
import { startSandboxProcess } from './lib/sandbox-process.ts'
import { formatRatio, interleave, median } from './lib/stats.ts'

const CLIENTS = 8
const REQUESTS_PER_ROUND = 800
const ROUNDS = 8
const TARGET = 0.5

/** Sends `total` requests over `CLIENTS` concurrent connections; returns requests per second. */
async function load(total: number, one: (index: number) => Promise<void>): Promise<number> {
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < total) await one(next++)
    }),
  )
  return total / ((performance.now() - started) / 1000)
}

function expect(status: number, wanted: number, what: string): void {
  if (status !== wanted) throw new Error(`${what} answered ${status}, expected ${wanted}`)
}

/** Runs P2 and returns its row. */
export async function run(): Promise<BenchRow> {
  const server = await startSandboxProcess()
  const agent: Agent = keepAliveAgent(CLIENTS)
  try {
    const endpoint = `${server.baseUrl}/instances`
    const trivial = `${server.url}/health`
    const headers = {
      authorization: server.authorization,
      accept: 'application/json',
      'content-type': 'application/json',
    }
    let created = 0
    const provision = async (): Promise<void> => {
      const answer = await send(agent, endpoint, 'POST', headers, provisionBody(created++))
      expect(answer.status, 200, 'POST /instances')
    }
    const cheapest = async (): Promise<void> => {
      const answer = await send(agent, trivial, 'GET', { accept: 'application/json' })
      expect(answer.status, 200, 'GET /health')
    }

    progress(
      `P2: ${ROUNDS} interleaved rounds of ${REQUESTS_PER_ROUND} requests, ${CLIENTS} clients`,
    )
    await load(REQUESTS_PER_ROUND, cheapest)
    await load(REQUESTS_PER_ROUND, provision)
    const samples = await interleave(
      ROUNDS,
      () => load(REQUESTS_PER_ROUND, cheapest),
      () => load(REQUESTS_PER_ROUND, provision),
    )
    const baseline = median(samples.baseline)
    const subject = median(samples.subject)
    const ratio = subject / baseline
    return {
      id: 'P2',
      measures: 'sandbox POST /instances vs its cheapest route, concurrent',
      baseline: `${baseline.toFixed(0)} req/s`,
      plugboard: `${subject.toFixed(0)} req/s`,
      ratio: formatRatio(ratio),
      target: `≥ ${TARGET}×`,
      pass: ratio >= TARGET,
      notes: [
        `${ROUNDS} interleaved rounds × ${REQUESTS_PER_ROUND} requests per side over ${CLIENTS} keep-alive connections (node:http); median requests per second. The sandbox serves from its own process.`,
        "The baseline is the same server's trivial route: the unauthenticated readiness check GET /health.",
        `${created} instances were provisioned during the run.`,
      ],
    }
  } finally {
    agent.destroy()
    await server.close()
  }
}

if (import.meta.main) await runAlone(run)
