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
  /** The same for stderr (where `--json` runs print their messages). */
  errorLine(test: (line: string) => boolean): Promise<string>
  /** Sends a signal (SIGINT is Ctrl-C). */
  kill(signal: NodeJS.Signals): void
}

/**
 * Starts the built CLI as a child process (off a TTY, colour off) and follows its stdout and
 * stderr lines; it has exited once both streams are read to their end.
 */
export function startCli(args: readonly string[], env: Record<string, string> = {}): CliProcess {
  const child = spawn(process.execPath, [cli, ...args], {
    env: { ...process.env, NO_COLOR: '1', ...env },
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
  const follow = (input: NodeJS.ReadableStream) => {
    const seen: string[] = []
    const waiters: { test: (line: string) => boolean; resolve: (line: string) => void }[] = []
    createInterface({ input }).on('line', (line) => {
      seen.push(line)
      for (const waiter of waiters.filter((w) => w.test(line))) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve(line)
      }
    })
    const wait = (test: (line: string) => boolean) =>
      new Promise<string>((resolve, reject) => {
        const found = seen.find(test)
        if (found !== undefined) resolve(found)
        else {
          waiters.push({ test, resolve })
          void exited.then(() => reject(new Error(`exited first; stderr: ${stderr}`)))
        }
      })
    return { seen, wait }
  }
  const out = follow(child.stdout)
  const err = follow(child.stderr)
  const lines = out.seen
  return {
    lines,
    stderr: () => stderr,
    exited,
    line: out.wait,
    errorLine: err.wait,
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    },
  }
}

/** The text after `prefix` on the first line that starts with it. */
export async function lineAfter(process: CliProcess, prefix: string): Promise<string> {
  return (await process.line((line) => line.startsWith(prefix))).slice(prefix.length)
}
