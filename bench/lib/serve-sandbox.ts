/**
 * Starts a sandbox on a loopback port in its own process, for the benchmarks that talk HTTP to
 * one (so the server has its own event loop and core). Seeds `--seed <n>` instances first when
 * asked; serves an in-memory database unless `--database <file>` names one. Prints one JSON line — `{ url, baseUrl, authorization, seedMs }` — and serves until its
 * stdin closes.
 */
import { argv, stdin, stdout } from 'node:process'
import { startSandbox } from '@plugboard/sandbox'

const seedIndex = argv.indexOf('--seed')
const seed = seedIndex === -1 ? 0 : Number(argv[seedIndex + 1])
const databaseIndex = argv.indexOf('--database')
const database = databaseIndex === -1 ? ':memory:' : String(argv[databaseIndex + 1])
const running = await startSandbox({ port: 0, host: '127.0.0.1', database })
const started = performance.now()
if (seed > 0) running.sandbox.seedInstances({ count: seed })
const seedMs = performance.now() - started
const { url, baseUrl, authorization } = running
stdout.write(`${JSON.stringify({ url, baseUrl, authorization, seedMs })}\n`)
stdin.resume()
stdin.on('end', () => void running.close().then(() => process.exit(0)))
