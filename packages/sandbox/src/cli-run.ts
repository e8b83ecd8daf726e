import { parseArgs } from 'node:util'
import type { SandboxOrganization } from './auth.js'
import {
  givenOrganizations,
  isLoopbackHost,
  ORGANIZATION_ENV,
  usesDevelopmentSecrets,
} from './cli-secrets.js'
import { SANDBOX_ORGANIZATION_SECRET, SANDBOX_USER_SECRET } from './constants.js'
import { SANDBOX_KEY_ENV } from './secrets-at-rest.js'
import { type RunningSandbox, startSandbox } from './server.js'

/** The bin's usage text. */
export const usage = `Usage: plugboard-sandbox [options]

A local, persistent implementation of the platform's instances API.

Options:
  -p, --port <n>        port to listen on (default 4010; 0 picks a free port)
      --host <host>     interface to listen on (default 127.0.0.1)
      --db <file>       SQLite database file (default ./plugboard-sandbox.db; ":memory:" keeps nothing)
      --vocabulary <v>  "your_mom" (default) or "element": the API root printed as the base URL
      --organizations <file>
                        JSON array of {id, userSecret, organizationSecret, user?}: the organizations
                        served; user {id, emailAddress, firstName, lastName} owns what they provision
  -h, --help            show this help

Environment:
  ${ORGANIZATION_ENV.userSecret}, ${ORGANIZATION_ENV.organizationSecret}
                        one organization's secrets (id: ${ORGANIZATION_ENV.id}, default "sandbox")
  ${SANDBOX_KEY_ENV}  key sealing secret configuration values (base64, 32 bytes);
                        without it the key lives in <db>.key, created 0600

Development secrets (not secret): user "${SANDBOX_USER_SECRET}", organization "${SANDBOX_ORGANIZATION_SECRET}".
They are served on a loopback host only: on any other --host, give your own organizations.
Both API roots are served: /your_moms/api-v2 and /elements/api-v2.
`

/** Where the bin writes. */
export interface CliOutput {
  out(text: string): void
  err(text: string): void
}

/** What a run of the bin ended with: an exit code, or a running sandbox to stop later. */
export type CliResult = { exitCode: number } | { sandbox: RunningSandbox }

/**
 * Runs the bin with its arguments (without `node` and the script path), reading organizations'
 * secrets and the sealing key from `env`.
 */
export async function runCli(
  args: readonly string[],
  output: CliOutput,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<CliResult> {
  const fail = (message: string): CliResult => {
    output.err(`plugboard-sandbox: ${message}\n\n${usage}`)
    return { exitCode: 2 }
  }
  let values: {
    port: string
    host: string
    db: string
    vocabulary: string
    organizations?: string | undefined
    help: boolean
  }
  try {
    ;({ values } = parseArgs({
      args: [...args],
      options: {
        port: { type: 'string', short: 'p', default: '4010' },
        host: { type: 'string', default: '127.0.0.1' },
        db: { type: 'string', default: './plugboard-sandbox.db' },
        vocabulary: { type: 'string', default: 'your_mom' },
        organizations: { type: 'string' },
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
  let organizations: SandboxOrganization[] | undefined
  try {
    organizations = givenOrganizations(values.organizations, env)
  } catch (error) {
    return fail((error as Error).message)
  }
  if (!isLoopbackHost(values.host)) {
    if (organizations === undefined || organizations.some(usesDevelopmentSecrets)) {
      return fail(
        `refusing to serve the public development secrets on --host ${values.host}, which is not a loopback address: anyone who can reach it could use them. Give your own organizations and secrets (--organizations <file>, or ${ORGANIZATION_ENV.userSecret} and ${ORGANIZATION_ENV.organizationSecret}), or listen on 127.0.0.1, ::1 or localhost.`,
      )
    }
  }
  let sandbox: RunningSandbox
  try {
    sandbox = await startSandbox({
      port,
      host: values.host,
      database: values.db,
      vocabulary,
      organizations,
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
      organizations === undefined
        ? `Authorization: ${sandbox.authorization}`
        : `Authorization: User <user secret>, Organization <organization secret> (the secrets you gave; not printed)`,
      '',
    ].join('\n'),
  )
  return { sandbox }
}
