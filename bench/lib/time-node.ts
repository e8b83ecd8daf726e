import { spawnSync } from 'node:child_process'
import { execPath } from 'node:process'

/**
 * Runs the running Node binary with `args` in `cwd` and returns the wall time from spawn to exit,
 * in milliseconds; a non-zero exit throws with what it printed on stderr.
 */
export function timeNode(args: readonly string[], cwd: string): number {
  const started = performance.now()
  const result = spawnSync(execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] })
  const elapsed = performance.now() - started
  if (result.status !== 0) {
    throw new Error(`node ${args.join(' ')} exited with ${result.status}: ${String(result.stderr)}`)
  }
  return elapsed
}
