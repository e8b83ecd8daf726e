import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { cli } from './run-cli.js'

/** A long-running CLI command (`sandbox`, `events listen`): its lines as printed, and its exit. */
export interface CliProcess {
  /** Every stdout line printed so far. */
  readonly lines: readonly string[]
  /** What it printed on stderr so far. */
  stderr(): string
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>
  /** The first stdout line (printed so far or later) that passes `test`; rejects if it exits first. */
  line(test: (line: string) => boolean): Promise<string>
  /** Sends a signal (SIGINT is Ctrl-C). */
  kill(signal: NodeJS.Signals): void
}

/** Starts the built CLI as a child process (off a TTY, colour off) and follows its stdout lines. */
export function startCli(args: readonly string[], env: Record<string, string> = {}): CliProcess {
  const child = spawn(process.execPath, [cli, ...args], {
    env: { ...process.env, NO_COLOR: '1', ...env },
  })
  const lines: string[] = []
  const waiters: { test: (line: string) => boolean; resolve: (line: string) => void }[] = []
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line)
    for (const waiter of waiters.filter((w) => w.test(line))) {
      waiters.splice(waiters.indexOf(waiter), 1)
      waiter.resolve(line)
    }
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return {
    lines,
    stderr: () => stderr,
    exited,
    line: (test) =>
      new Promise<string>((resolve, reject) => {
        const seen = lines.find(test)
        if (seen !== undefined) resolve(seen)
        else {
          waiters.push({ test, resolve })
          void exited.then(() => reject(new Error(`exited first; stderr: ${stderr}`)))
        }
      }),
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    },
  }
}

/** The text after `prefix` on the first line that starts with it. */
export async function lineAfter(process: CliProcess, prefix: string): Promise<string> {
  return (await process.line((line) => line.startsWith(prefix))).slice(prefix.length)
}
