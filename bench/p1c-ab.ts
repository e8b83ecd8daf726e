/**
 * P1c's paired A/B, a tool for work on P1c (not a row): two builds of core in one process,
 * interleaved with ky alone, all answered by P1c's canned fetch. `P1C_A` and `P1C_B` name each
 * build's entry (a copy of packages/core/dist inside packages/core, say
 * `../packages/core/.ab/base/index.js`, so that it finds ky and valibot; the installed core when
 * unset). Prints the median per-round CPU difference B − A and each side's over ky; run with
 * `--expose-gc` (and a semi-space large enough for 500 provisions) to print the heap each side
 * allocates per provision too. `P1C_CUT` is handed to the builds as `globalThis.__CUT`, for builds
 * made with a part switched off by it (measurement only, never committed).
 *
 * ../node_modules/.bin/node --expose-gc --max-semi-space-size=128 p1c-ab.ts
 */
import { cpuUsage } from 'node:process'
import { getHeapStatistics } from 'node:v8'
import { median } from './lib/stats.ts'
import { cannedSides, recordAnswer } from './p1c-own-cpu.ts'

const ROUNDS = Number(process.env.ROUNDS ?? 400)
const BATCH = 100
const WARMUP = 3000
const SIDES = ['ky', 'A', 'B'] as const

type Core = typeof import('@plugboard/core')

const recorded = await recordAnswer()
;(globalThis as { __CUT?: string }).__CUT = process.env.P1C_CUT
const builds = [process.env.P1C_A, process.env.P1C_B].map(
  async (entry) => (await import(entry ?? '@plugboard/core')) as Core,
)
const { viaKy, viaClients } = cannedSides(
  recorded,
  (await Promise.all(builds)).map((core) => core.createProvisioningClient),
)
const sides = [viaKy, ...viaClients]

/** CPU microseconds per provision over one batch. */
async function batch(provision: () => Promise<unknown>): Promise<number> {
  const started = cpuUsage()
  for (let n = 0; n < BATCH; n++) await provision()
  const used = cpuUsage(started)
  return (used.user + used.system) / BATCH
}

for (let n = 0; n < WARMUP; n++) for (const side of sides) await side()

const gc = (globalThis as { gc?: () => void }).gc
if (gc !== undefined) {
  for (const [at, side] of sides.entries()) {
    const bytes: number[] = []
    for (let round = 0; round < 5; round++) {
      gc()
      const before = getHeapStatistics().used_heap_size
      for (let n = 0; n < 500; n++) await side()
      bytes.push((getHeapStatistics().used_heap_size - before) / 500)
    }
    console.log(`heap allocated, ${SIDES[at]}: ${median(bytes).toFixed(0)} B/provision`)
  }
}

const samples: number[][] = [[], [], []]
for (let round = 0; round < ROUNDS; round++) {
  for (const at of round % 2 === 0 ? [0, 1, 2] : [2, 1, 0]) {
    samples[at]?.push(await batch(sides[at] as () => Promise<unknown>))
  }
}
const difference = (of: number, from: number): number[] =>
  (samples[of] ?? []).map((value, round) => value - (samples[from]?.[round] ?? 0))
const quartile = (values: readonly number[], q: number): number =>
  [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))] ?? Number.NaN
for (const [label, values] of [
  ['A − ky', difference(1, 0)],
  ['B − ky', difference(2, 0)],
  ['B − A', difference(2, 1)],
] as const) {
  console.log(
    `${label}: median ${median(values).toFixed(2)} µs (interquartile ${quartile(values, 0.25).toFixed(1)}–${quartile(values, 0.75).toFixed(1)})`,
  )
}
