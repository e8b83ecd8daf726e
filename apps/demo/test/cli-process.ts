import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { cli } from './run-cli.js'

/** A running CLI process: what it printed so far, a wait for a line, and its exit. */
export interface CliProcess {
  readonly child: ChildProcess
  stdout(): string
  stderr(): string
  /** Resolves with the first line on `stream` matching `pattern` (printed already or later). */
  line(stream: 'stdout' | 'stderr', pattern: RegExp): Promise<RegExpMatchArray>
  /** Resolves with the exit code (128 + the signal's number when a signal ended it). */
  readonly exited: Promise<number>
}

const SIGNALS: Readonly<Record<string, number>> = { SIGINT: 2, SIGTERM: 15, SIGKILL: 9 }

/**
 * Starts the built CLI as a child process, off a terminal, and follows its output line by line:
 * tests wait for a printed line or the exit, never for time to pass.
 */
export function startCli(args: readonly string[], env: Record<string, string> = {}): CliProcess {
  const child = spawn(process.execPath, [cli, ...args], {
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const text = { stdout: '', stderr: '' }
  const waiting: {
    stream: 'stdout' | 'stderr'
    pattern: RegExp
    found: (m: RegExpMatchArray) => void
  }[] = []
  const check = () => {
    for (const wait of [...waiting]) {
      const match = text[wait.stream]
        .split('\n')
        .slice(0, -1)
        .map((line) => line.match(wait.pattern))
        .find((candidate) => candidate !== null)
      if (match !== undefined && match !== null) {
        waiting.splice(waiting.indexOf(wait), 1)
        wait.found(match)
      }
    }
  }
  for (const stream of ['stdout', 'stderr'] as const) {
    child[stream].setEncoding('utf8')
    child[stream].on('data', (chunk: string) => {
      text[stream] += chunk
      check()
    })
  }
  const exited = new Promise<number>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code, signal) =>
      resolve(code ?? 128 + (signal === null ? 0 : (SIGNALS[signal] ?? 0))),
    )
  })
  return {
    child,
    stdout: () => text.stdout,
    stderr: () => text.stderr,
    line: (stream, pattern) =>
      new Promise((resolve, reject) => {
        waiting.push({ stream, pattern, found: resolve })
        check()
        // The process ending without the line is a failure, reported with what it printed.
        void exited.then((code) => {
          if (waiting.some((wait) => wait.found === resolve)) {
            reject(
              new Error(
                `The CLI exited (${code}) without printing ${pattern} on ${stream}.\nstdout:\n${text.stdout}\nstderr:\n${text.stderr}`,
              ),
            )
          }
        })
      }),
    exited,
  }
}

/** A loopback port that was free a moment ago (the OS picked it). */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
