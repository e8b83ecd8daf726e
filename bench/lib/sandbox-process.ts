import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { dirname, join } from 'node:path'
import { execPath } from 'node:process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

/** A sandbox serving from a child process. */
export interface SandboxProcess {
  /** The server's origin, e.g. `http://127.0.0.1:41234`. */
  readonly url: string
  /** The API root clients use (`…/your_moms/api-v2`). */
  readonly baseUrl: string
  /** The `Authorization` header of the sandbox's default organization. */
  readonly authorization: string
  /** How long seeding took inside the server process, in milliseconds (0 without a seed). */
  readonly seedMs: number
  /** Stops the server and waits for its process to exit. */
  close(): Promise<void>
}

const script = join(dirname(fileURLToPath(import.meta.url)), 'serve-sandbox.ts')

/**
 * Starts a sandbox in a child process, seeded with `seed` instances when given, on an in-memory
 * database unless `database` names a file.
 */
export async function startSandboxProcess(seed = 0, database?: string): Promise<SandboxProcess> {
  const args = [
    script,
    '--seed',
    String(seed),
    ...(database === undefined ? [] : ['--database', database]),
  ]
  const child: ChildProcess = spawn(execPath, args, {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })
  const exited = once(child, 'exit')
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => String(line)),
    exited.then(([code]) => {
      throw new Error(`the sandbox process exited with ${code} before it was ready`)
    }),
  ])
  const ready = JSON.parse(first) as Omit<SandboxProcess, 'close'>
  return {
    ...ready,
    async close() {
      child.stdin?.end()
      await exited
    },
  }
}
