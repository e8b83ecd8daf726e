import type { AddressInfo } from 'node:net'
import { inspect } from 'node:util'
import { createAdaptorServer } from '@hono/node-server'
import { API_ROOTS, formatAuthorization, type Vocabulary } from '@plugboard/core/protocol'
import { createSandbox, type Sandbox, type SandboxOptions } from './sandbox.js'

/** Options of {@link startSandbox}. */
export interface StartSandboxOptions extends SandboxOptions {
  /** The port to listen on; `0` (the default) picks a free one. */
  readonly port?: number | undefined
  /** The interface to listen on; `127.0.0.1` by default. */
  readonly host?: string | undefined
  /** The vocabulary of the reported `baseUrl`: `your_mom` (the default) or `element`. */
  readonly vocabulary?: Vocabulary | undefined
}

/** A sandbox listening on a port. */
export interface RunningSandbox {
  /** The server's origin, e.g. `http://127.0.0.1:4010`. */
  readonly url: string
  /** The API root to give a client, e.g. `http://127.0.0.1:4010/your_moms/api-v2`. */
  readonly baseUrl: string
  /** The Authorization header value of the first known organization: `User …, Organization …`. */
  readonly authorization: string
  /** The port the server listens on. */
  readonly port: number
  /** The sandbox behind the server (its app, and `seedInstances`). */
  readonly sandbox: Sandbox
  /** Stops the server (dropping open connections) and closes the database. */
  close(): Promise<void>
}

/**
 * Starts a sandbox on Node's HTTP server.
 *
 * @example
 * ```ts
 * import { startSandbox } from '@plugboard/sandbox'
 *
 * const sandbox = await startSandbox({ port: 0, database: ':memory:' })
 * const response = await fetch(`${sandbox.baseUrl}/instances`, {
 *   headers: { authorization: sandbox.authorization },
 * })
 * console.log(response.status, await response.json()) // 200 []
 * await sandbox.close()
 * ```
 */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const sandbox = createSandbox(options)
  const server = createAdaptorServer({ fetch: sandbox.fetch })
  const host = options.host ?? '127.0.0.1'
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject)
        resolve()
      })
    })
  } catch (error) {
    await sandbox.close()
    throw error
  }
  const { port } = server.address() as AddressInfo
  const hostPart = host.includes(':') ? `[${host}]` : host
  const url = `http://${hostPart}:${port}`
  const first = sandbox.organizations[0]
  let closing: Promise<void> | undefined
  return {
    url,
    baseUrl: `${url}${API_ROOTS[options.vocabulary ?? 'your_mom']}`,
    authorization:
      first === undefined
        ? ''
        : formatAuthorization({ user: first.userSecret, organization: first.organizationSecret }),
    port,
    sandbox,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          sandbox.close().then(resolve, resolve)
        })
        if ('closeAllConnections' in server) server.closeAllConnections()
      })
      return closing
    },
    // Keep the Authorization header value (it holds the secrets) out of util.inspect output.
    [inspect.custom]: () => `RunningSandbox { url: ${JSON.stringify(url)}, port: ${port} }`,
  } as RunningSandbox
}
