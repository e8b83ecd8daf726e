/**
 * P1: provisioning through the plugboard client against a raw `fetch` of the same body, against
 * the same sandbox (in its own process), the same number of instances per side. Rounds alternate
 * the sides; each round provisions a batch sequentially and yields the mean time per instance.
 */
import { chargebee } from '@plugboard/connector-chargebee'
import { createPlatformClient } from '@plugboard/core'
import ky from 'ky'
import { configuration, provisionBody, tags } from './lib/chargebee-body.ts'
import { type BenchRow, progress, runAlone } from './lib/row.ts'
import { startSandboxProcess } from './lib/sandbox-process.ts'
import { formatMs, formatRatio, median } from './lib/stats.ts'

const ROUNDS = 12
const BATCH = 40
const WARMUP = 40
const TARGET = 1.1

/** Runs P1 and returns its row. */
export async function run(): Promise<BenchRow> {
  const server = await startSandboxProcess()
  try {
    const [user, organization] = server.authorization
      .split(',')
      .map((part) => part.trim().split(' ')[1] ?? '')
    const client = createPlatformClient({
      baseUrl: server.baseUrl,
      userSecret: user ?? '',
      organizationSecret: organization ?? '',
    })
    const endpoint = `${server.baseUrl}/instances`
    const headers = {
      authorization: server.authorization,
      accept: 'application/json',
      'content-type': 'application/json',
    }
    let index = 0

    const viaFetch = async (): Promise<void> => {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers,
        body: provisionBody(index++),
      })
      const instance = (await response.json()) as { token?: unknown }
      if (response.status !== 200 || typeof instance.token !== 'string') {
        throw new Error(`raw provisioning answered ${response.status}`)
      }
    }
    // ky alone, configured as the client configures it for a POST: plugboard's floor while it
    // sends through ky (the developers' guide names ky for retries and timeouts).
    const api = ky.create({ headers, timeout: 10_000, retry: 0 })
    const viaKy = async (): Promise<void> => {
      const instance = await api
        .post(endpoint, { body: provisionBody(index++) })
        .json<{ token?: unknown }>()
      if (typeof instance.token !== 'string') throw new Error('ky provisioning gave no token')
    }
    const viaClient = async (): Promise<void> => {
      await client.provision(chargebee, { name: `bench-${index++}`, configuration, tags })
    }
    const batch = (provision: () => Promise<void>) => async (): Promise<number> => {
      const started = performance.now()
      for (let n = 0; n < BATCH; n++) await provision()
      return (performance.now() - started) / BATCH
    }

    progress(`P1: ${ROUNDS} interleaved rounds of ${BATCH} provisions per side`)
    for (let n = 0; n < WARMUP; n++) {
      await viaFetch()
      await viaKy()
      await viaClient()
    }
    // Three sides in one series: each round runs all three, in an order that rotates.
    const fetchSide = { run: batch(viaFetch), times: [] as number[] }
    const kySide = { run: batch(viaKy), times: [] as number[] }
    const clientSide = { run: batch(viaClient), times: [] as number[] }
    const sides = [fetchSide, kySide, clientSide]
    for (let round = 0; round < ROUNDS; round++) {
      const order = [...sides.slice(round % sides.length), ...sides.slice(0, round % sides.length)]
      for (const side of order) side.times.push(await side.run())
    }
    const baseline = median(fetchSide.times)
    const kyOnly = median(kySide.times)
    const subject = median(clientSide.times)
    const ratio = subject / baseline
    const kyRatio = kyOnly / baseline
    return {
      id: 'P1',
      measures: 'provision: plugboard client vs raw fetch, same body and sandbox',
      baseline: `${formatMs(baseline)}/op`,
      plugboard: `${formatMs(subject)}/op`,
      ratio: formatRatio(ratio),
      target: `≤ ${TARGET}×`,
      pass: ratio <= TARGET,
      notes: [
        `${ROUNDS} interleaved rounds × ${BATCH} sequential provisions per side (raw fetch, ky alone, the plugboard client; after ${WARMUP} warm-up each); median of the per-round mean. The sandbox serves from its own process.`,
        `The client's own cost (validation, ky, response parsing): ${formatMs(subject - baseline)} per provision.`,
        `ky alone, sending the same body with no plugboard code: ${formatMs(kyOnly)}/op, ${formatRatio(kyRatio)} of raw fetch. plugboard's own work over ky (validation, response parsing, error mapping): ${formatMs(subject - kyOnly)} per provision. The ${TARGET}× target is below what ky alone costs on a loopback round trip of under a millisecond.`,
      ],
    }
  } finally {
    await server.close()
  }
}

if (import.meta.main) await runAlone(run)
