import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

/** The built CLI. */
export const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url))
const run = promisify(execFile)

/** What a run of the CLI printed and returned. */
export interface Result {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/**
 * Runs the built CLI as a child process (on `node`, the running Node unless given), off a TTY,
 * and never throws on a non-zero exit.
 */
export async function cliRun(
  args: readonly string[],
  env: Record<string, string> = {},
  node: string = process.execPath,
): Promise<Result> {
  try {
    const { stdout, stderr } = await run(node, [cli, ...args], {
      env: { ...process.env, NO_COLOR: '1', ...env },
      timeout: 180_000, // a ceiling for a hang, not a prediction
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}
