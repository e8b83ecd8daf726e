/**
 * P2: the sandbox's `POST /instances` throughput against the same server's trivial route, with
 * concurrent clients. The trivial route is the unauthenticated readiness check `GET /health`
 * (`{"status":"ok"}`). Rounds alternate the sides; each yields requests per second.
 */
import type { Agent } from 'node:http'
import { provisionBody } from './lib/chargebee-body.ts'
import { keepAliveAgent, send } from './lib/http.ts'
import { concurrentLoad } from './lib/load.ts'
import { type BenchRow, loadNote, progress, runAlone } from './lib/row.ts'
import { startSandboxProcess } from './lib/sandbox-process.ts'
import { sideBySideRow } from './lib/side-by-side.ts'
import { interleave } from './lib/stats.ts'

const CLIENTS = 8
const REQUESTS_PER_ROUND = 800
const ROUNDS = 8
const TARGET = 0.5

const load = (total: number, one: () => Promise<void>) => concurrentLoad(CLIENTS, total, one)

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
    return sideBySideRow({
      id: 'P2',
      measures: 'sandbox POST /instances vs its cheapest route, concurrent',
      samples,
      format: (rate) => `${rate.toFixed(0)} req/s`,
      target: TARGET,
      better: 'higher',
      notes: ({ ratio }) => [
        `${ROUNDS} interleaved rounds × ${REQUESTS_PER_ROUND} requests per side over ${CLIENTS} keep-alive connections (node:http); median requests per second. The sandbox serves from its own process.`,
        "The baseline is the same server's trivial route: the unauthenticated readiness check GET /health.",
        `${created} instances were provisioned during the run.`,
        ...(ratio >= TARGET
          ? []
          : [
              `Missed (${loadNote()}): GET /health is the least a request can cost (HTTP parsing, Hono's dispatch, one small answer: about 140 µs of the sandbox's CPU), and a provision, after this round's cuts, costs about 3.5× that (about 500 µs). Besides the same HTTP work it reads the body, authenticates (two sha256), validates the body and the configuration (valibot, about 25 µs), seals two secrets with AES-256-GCM (about 15 µs each, one cipher set-up per seal), writes one row with its tag rows and indexes in SQLite (about 60 µs, RETURNING included) and builds a 1.8 KB answer. Already cut: the per-call key preparation of every cipher (key objects made once), opening again the secrets just sealed, the web stream and two Request objects per body, a system random call per IV. Meeting 0.5× takes the provision near 2× the health check: fewer distinct steps per request (one sealed column for the token and the secrets, which changes the stored format; tag rows written without the JSON trigger), or a lighter HTTP layer than @hono/node-server's Request and Headers for the API routes.`,
            ]),
      ],
    })
  } finally {
    agent.destroy()
    await server.close()
  }
}

if (import.meta.main) await runAlone(run)
