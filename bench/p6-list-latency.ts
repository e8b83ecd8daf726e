/**
 * P6: `GET /instances` page latency with 100,000 instances against 100. Two sandboxes, each in
 * its own process, seeded in one transaction through the sandbox's bulk seed; the same page size
 * from each, alternating request by request; medians of the latency.
 */
import type { Agent } from 'node:http'
import { NEXT_PAGE_HEADER } from '@plugboard/core/protocol'
import { keepAliveAgent, send } from './lib/http.ts'
import { type BenchRow, loadNote, progress, runAlone } from './lib/row.ts'
import { type SandboxProcess, startSandboxProcess } from './lib/sandbox-process.ts'
import { sideBySideRow } from './lib/side-by-side.ts'
import { formatMs, interleave, median } from './lib/stats.ts'

const SMALL = 100
const LARGE = 100_000
const PAGE_SIZE = 100
const ROUNDS = 300
const WARMUP = 30
const TARGET = 1.5

/** Runs P6 and returns its row. */
export async function run(): Promise<BenchRow> {
  progress(`P6: seeding ${LARGE} and ${SMALL} instances`)
  const [small, large] = await Promise.all([startSandboxProcess(SMALL), startSandboxProcess(LARGE)])
  const agent: Agent = keepAliveAgent(2)
  try {
    const page = async (server: SandboxProcess): Promise<number> => {
      const started = performance.now()
      const answer = await send(agent, `${server.baseUrl}/instances?pageSize=${PAGE_SIZE}`, 'GET', {
        authorization: server.authorization,
        accept: 'application/json',
      })
      const elapsed = performance.now() - started
      if (answer.status !== 200) throw new Error(`GET /instances answered ${answer.status}`)
      const items = (JSON.parse(answer.body) as unknown[]).length
      if (items !== PAGE_SIZE) throw new Error(`GET /instances returned ${items} instances`)
      return elapsed
    }
    progress(`P6: ${ROUNDS} interleaved first-page requests (pageSize=${PAGE_SIZE}) per side`)
    for (let n = 0; n < WARMUP; n++) {
      await page(small)
      await page(large)
    }
    const samples = await interleave(
      ROUNDS,
      () => page(small),
      () => page(large),
    )
    const deep = await deepPage(agent, large)
    return sideBySideRow({
      id: 'P6',
      measures: `GET /instances page latency, ${LARGE.toLocaleString('en')} vs ${SMALL} instances`,
      samples,
      format: formatMs,
      target: TARGET,
      better: 'lower',
      notes: ({ ratio }) => [
        `${ROUNDS} interleaved requests per side for the first page (pageSize=${PAGE_SIZE}) after ${WARMUP} warm-up each; median latency over keep-alive node:http.`,
        `Seeding ${LARGE.toLocaleString('en')} instances through the sandbox's bulk seed took ${formatMs(large.seedMs)}.`,
        `A page deep in the large list (following the next-page token to instance ${deep.offset.toLocaleString('en')}) took ${formatMs(deep.ms)} (median of ${deep.samples}).`,
        ...(ratio <= TARGET
          ? []
          : [
              `Missed: the first page costs more with more instances stored (${loadNote()}); look for a query that counts or scans the table rather than reading one page by index.`,
            ]),
      ],
    })
  } finally {
    agent.destroy()
    await Promise.all([small.close(), large.close()])
  }
}

/** Walks the large list with big pages to a deep next-page token, then times that page. */
async function deepPage(
  agent: Agent,
  server: SandboxProcess,
): Promise<{ offset: number; ms: number; samples: number }> {
  const headers = { authorization: server.authorization, accept: 'application/json' }
  let token = ''
  let offset = 0
  while (offset < LARGE * 0.9) {
    const query = `pageSize=1000${token === '' ? '' : `&nextPage=${encodeURIComponent(token)}`}`
    token = await nextPageToken(agent, `${server.baseUrl}/instances?${query}`, headers)
    offset += 1000
  }
  const times: number[] = []
  for (let n = 0; n < 50; n++) {
    const started = performance.now()
    await nextPageToken(
      agent,
      `${server.baseUrl}/instances?pageSize=${PAGE_SIZE}&nextPage=${encodeURIComponent(token)}`,
      headers,
    )
    times.push(performance.now() - started)
  }
  return { offset, ms: median(times), samples: times.length }
}

async function nextPageToken(
  agent: Agent,
  url: string,
  headers: Record<string, string>,
): Promise<string> {
  const answer = await send(agent, url, 'GET', headers)
  if (answer.status !== 200) throw new Error(`GET /instances answered ${answer.status}`)
  const next = answer.headers[NEXT_PAGE_HEADER]
  return typeof next === 'string' ? next : ''
}

if (import.meta.main) await runAlone(run)
