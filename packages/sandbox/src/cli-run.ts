import { parseArgs } from 'node:util'
import { SANDBOX_ORGANIZATION_SECRET, SANDBOX_USER_SECRET } from './constants.js'
import { type RunningSandbox, startSandbox } from './server.js'

/** The bin's usage text. */
export const usage = `Usage: plugboard-sandbox [options]

A local, persistent implementation of the platform's instances API.

Options:
  -p, --port <n>        port to listen on (default 4010; 0 picks a free port)
      --host <host>     interface to listen on (default 127.0.0.1)
      --db <file>       SQLite database file (default ./plugboard-sandbox.db; ":memory:" keeps nothing)
      --vocabulary <v>  "your_mom" (default) or "element": the API root printed as the base URL
  -h, --help            show this help

Development secrets (not secret): user "${SANDBOX_USER_SECRET}", organization "${SANDBOX_ORGANIZATION_SECRET}".
Both API roots are served: /your_moms/api-v2 and /elements/api-v2.
`

/** Where the bin writes. */
export interface CliOutput {
  out(text: string): void
  err(text: string): void
}

/** What a run of the bin ended with: an exit code, or a running sandbox to stop later. */
export type CliResult = { exitCode: number } | { sandbox: RunningSandbox }

/** Runs the bin with its arguments (without `node` and the script path). */
export async function runCli(args: readonly string[], output: CliOutput): Promise<CliResult> {
  const fail = (message: string): CliResult => {
    output.err(`plugboard-sandbox: ${message}\n\n${usage}`)
    return { exitCode: 2 }
  }
  let values: { port: string; host: string; db: string; vocabulary: string; help: boolean }
  try {
    ;({ values } = parseArgs({
      args: [...args],
      options: {
        port: { type: 'string', short: 'p', default: '4010' },
        host: { type: 'string', default: '127.0.0.1' },
        db: { type: 'string', default: './plugboard-sandbox.db' },
        vocabulary: { type: 'string', default: 'your_mom' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }))
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error))
  }
  if (values.help) {
    output.out(usage)
    return { exitCode: 0 }
  }
  const port = /^[0-9]{1,5}$/.test(values.port) ? Number(values.port) : Number.NaN
  if (!(port >= 0 && port <= 65535)) {
    return fail(`--port must be a number from 0 to 65535, got "${values.port}"`)
  }
  const vocabulary = values.vocabulary
  if (vocabulary !== 'your_mom' && vocabulary !== 'element') {
    return fail(`--vocabulary must be "your_mom" or "element", got "${vocabulary}"`)
  }
  let sandbox: RunningSandbox
  try {
    sandbox = await startSandbox({
      port,
      host: values.host,
      database: values.db,
      vocabulary,
      onUnexpectedError: (error, requestId) =>
        output.err(
          `Request ${requestId} failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
        ),
    })
  } catch (error) {
    output.err(
      `plugboard-sandbox: could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    )
    return { exitCode: 1 }
  }
  output.out(
    [
      `plugboard sandbox listening on ${sandbox.url} (database ${values.db})`,
      `Base URL: ${sandbox.baseUrl}`,
      `Authorization: ${sandbox.authorization}`,
      '',
    ].join('\n'),
  )
  return { sandbox }
}
