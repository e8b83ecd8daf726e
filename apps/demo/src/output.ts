// As in command-line.ts: node:util without an ES import, whose facade loads more than styleText.
const { styleText } = process.getBuiltinModule('node:util')

/** Where a command writes, and how. */
export interface Output {
  /** Machine output: one JSON document on stdout, nothing else there. */
  readonly json: boolean
  /** Whether stdout is an interactive terminal (spinners and prompts only there). */
  readonly interactive: boolean
  /** Writes a line to stdout. */
  line(text?: string): void
  /** Writes one JSON document to stdout. */
  data(value: unknown): void
  /** Writes a line to stderr. */
  error(text: string): void
  /** Applies a style when colour is on (off with NO_COLOR, --json or a non-TTY stream). */
  style(format: Parameters<typeof styleText>[0], text: string): string
}

/** Creates the output for the given streams and mode. */
export function createOutput(options: {
  json: boolean
  stdout?: NodeJS.WriteStream
  stderr?: NodeJS.WriteStream
}): Output {
  const stdout = options.stdout ?? process.stdout
  // process.stderr is a getter that opens the stream (a socket for a pipe, a terminal stream for a
  // TTY): read on the first error, so a run that reports none never opens it (P8).
  const stderr = () => options.stderr ?? process.stderr
  const colour =
    !options.json && stdout.isTTY === true && process.env.NO_COLOR === undefined
      ? true
      : process.env.FORCE_COLOR !== undefined && process.env.NO_COLOR === undefined
  return {
    json: options.json,
    // A getter: process.stdin opens standard input, which only the prompts read.
    get interactive() {
      return !options.json && stdout.isTTY === true && process.stdin.isTTY === true
    },
    line: (text = '') => {
      stdout.write(`${text}\n`)
    },
    data: (value) => {
      stdout.write(`${JSON.stringify(value, null, 2)}\n`)
    },
    error: (text) => {
      stderr().write(`${text}\n`)
    },
    style: (format, text) => (colour ? styleText(format, text, { validateStream: false }) : text),
  }
}
