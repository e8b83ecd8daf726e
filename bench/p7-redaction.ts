/**
 * P7: building one error with 100,000 remembered tokens against building one with none. Each
 * client answers from an injected fetch (no network): every call is a 400 whose message echoes
 * a token among text, so the call's time is ky's work plus building the PlatformError, whose
 * every text is redacted. One client remembers 100,000 tokens (as after 100,000 provisions), the
 * other none; the difference is what the remembered tokens cost one error.
 */
import { randomBytes } from 'node:crypto'
import { createPlatformClient, PlatformError } from '@plugboard/core'
import { type BenchRow, loadNote, progress, runAlone } from './lib/row.ts'
import { formatMs, interleave, median } from './lib/stats.ts'

const REMEMBERED = 100_000
const ROUNDS = 20
const BATCH = 200
const WARMUP = 500
const TARGET_MS = 1

/** A token like the platform's: base64 of 32 random bytes. */
const token = (): string => randomBytes(32).toString('base64')

/** A platform message of about 1,000 characters (the most an error shows) echoing a token. */
function message(echoed: string): string {
  const words = 'instance configuration entry refused by the vendor for this request'.split(' ')
  let text = `The vendor refused the token ${echoed} for site acme-test: `
  for (let n = 0; text.length < 1000; n++) text += `${words[n % words.length]} `
  return text
}

function failingClient(echoed: string) {
  const body = JSON.stringify({ requestId: 'req-1', message: message(echoed) })
  return createPlatformClient({
    baseUrl: 'http://127.0.0.1:9/your_moms/api-v2',
    userSecret: 'bench-user-secret',
    organizationSecret: 'bench-organization-secret',
    retry: 0,
    fetch: async () =>
      new Response(body, { status: 400, headers: { 'content-type': 'application/json' } }),
  })
}

/** The mean time of one failing call, over a batch. */
function batch(client: ReturnType<typeof createPlatformClient>) {
  return async (): Promise<number> => {
    const started = performance.now()
    for (let n = 0; n < BATCH; n++) {
      const error = await client.instances.get(1).catch((caught: unknown) => caught)
      if (!PlatformError.isInstance(error) || !error.message.includes('********')) {
        throw new Error(`the call did not fail with a redacted PlatformError: ${String(error)}`)
      }
    }
    return (performance.now() - started) / BATCH
  }
}

/** Runs P7 and returns its row. */
export async function run(): Promise<BenchRow> {
  const tokens = Array.from({ length: REMEMBERED }, token)
  const echoed = tokens[REMEMBERED >> 1] ?? ''
  const full = failingClient(echoed)
  // Every token an instance client is made for is remembered, as a provisioned one is.
  for (const value of tokens) full.forInstance(value)
  // The empty client redacts the echoed token as its own secret: same work but the index.
  const empty = failingClient('bench-user-secret')
  progress(`P7: ${ROUNDS} interleaved rounds of ${BATCH} failing calls per side`)
  for (let n = 0; n < WARMUP / BATCH; n++) {
    await batch(empty)()
    await batch(full)()
  }
  const samples = await interleave(ROUNDS, batch(empty), batch(full))
  const baseline = median(samples.baseline)
  const subject = median(samples.subject)
  const cost = subject - baseline
  // Tokens of one family share their first characters (`sk_live_`): the index must not file them
  // all in one place. Remembering them and building errors is timed the same way.
  const family = tokens.map((value) => `sk_live_${value}`)
  const prefixed = failingClient(family[REMEMBERED >> 1] ?? '')
  const rememberStart = performance.now()
  for (const value of family) prefixed.forInstance(value)
  const rememberMs = performance.now() - rememberStart
  progress(`P7: the same with ${REMEMBERED.toLocaleString('en')} tokens sharing a prefix`)
  for (let n = 0; n < WARMUP / BATCH; n++) await batch(prefixed)()
  const familySamples = await interleave(ROUNDS, batch(empty), batch(prefixed))
  const familyCost = median(familySamples.subject) - median(familySamples.baseline)
  const heap = process.memoryUsage().heapUsed
  return {
    id: 'P7',
    measures: 'one error built with 100,000 remembered tokens vs none',
    baseline: `${formatMs(baseline)}/error`,
    plugboard: `${formatMs(subject)}/error`,
    ratio: `+${formatMs(Math.max(0, cost))}`,
    target: `≤ +${TARGET_MS} ms`,
    pass: subject <= baseline + TARGET_MS,
    notes: [
      `${ROUNDS} interleaved rounds × ${BATCH} failing calls per side (after ${WARMUP} warm-up each); median of the per-round mean. Each call answers from an injected fetch: a 400 with a 1,000-character message echoing a token, redacted in the error.`,
      `Tokens sharing a prefix (\`sk_live_\` + the same 100,000 tokens): remembering them all took ${formatMs(rememberMs)}; they cost one error +${formatMs(Math.max(0, familyCost))} (same rounds, side by side with the empty client).`,
      `A call is ky's work plus the error; the difference between the sides is what the ${REMEMBERED.toLocaleString('en')} remembered tokens cost one error (the ratio column). Heap in use at the end: ${(heap / 2 ** 20).toFixed(0)} MiB, both clients and the token list included.`,
      ...(subject <= baseline + TARGET_MS
        ? []
        : [
            `Missed: redacting one message against the remembered tokens costs more than ${TARGET_MS} ms (${loadNote()}); look at how the index finds candidates at each position of the message (it should touch only the tokens that share the position's anchor).`,
          ]),
    ],
  }
}

if (import.meta.main) await runAlone(run)
