// As in command-line.ts: node built-ins without an ES import, whose facade loads more than is used.
const { styleText } = process.getBuiltinModule('node:util')
const { writeSync } = process.getBuiltinModule('node:fs')

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

/** A file descriptor's synchronous write: `fs.writeSync` with a buffer and an offset. */
export type WriteSync = (fd: number, buffer: Uint8Array, offset: number) => number

/**
 * Writes `text` whole to file descriptor 1, synchronously, without opening `process.stdout`:
 * the stream costs a run that prints one JSON document a few milliseconds (node:stream, and
 * node:net for a pipe or node:tty for a terminal, P8), and a file, a pipe or a terminal on Linux
 * is written synchronously by it too. When the descriptor is in non-blocking mode and full
 * (`EAGAIN`), the rest goes to `fallback()` (`process.stdout`, which waits for room) and `false`
 * is returned: later writes go there too, so nothing overtakes it.
 */
export function writeToDescriptor(
  text: string,
  fallback: () => NodeJS.WritableStream = () => process.stdout,
  write: WriteSync = writeSync,
): boolean {
  const bytes = Buffer.from(text)
  let offset = 0
  try {
    while (offset < bytes.length) offset += write(1, bytes, offset)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error
    fallback().write(bytes.subarray(offset))
    return false
  }
}

/** Creates the output for the given streams and mode. */
export function createOutput(options: {
  json: boolean
  stdout?: NodeJS.WriteStream
  stderr?: NodeJS.WriteStream
}): Output {
  // process.stdout, process.stderr and process.stdin are getters that open their stream (a socket
  // for a pipe, a terminal stream for a TTY): each is read when first needed, so a run that prints
  // one JSON document and reports nothing opens none of them (P8). On Windows a console takes
  // text through its stream only (its own code page otherwise), so there it is always the stream.
  let streamed = options.stdout !== undefined || process.platform === 'win32'
  // Set once the reader of standard output has gone (`plugboard-demo connectors | head -1`): what
  // is left to print is dropped quietly, as other command-line tools do, instead of a stack trace.
  let closed = false
  let watched = false
  const stdout = () => {
    streamed = true
    const stream = options.stdout ?? process.stdout
    if (!watched) {
      watched = true
      stream.on('error', (error) => {
        if (!closed && !readerGone(error)) throw error
        closed = true
      })
    }
    return stream
  }
  const stderr = () => options.stderr ?? process.stderr
  const colour =
    !options.json && stdout().isTTY === true && process.env.NO_COLOR === undefined
      ? true
      : process.env.FORCE_COLOR !== undefined && process.env.NO_COLOR === undefined
  return {
    json: options.json,
    get interactive() {
      return !options.json && stdout().isTTY === true && process.stdin.isTTY === true
    },
    line: (text = '') => {
      if (!closed) stdout().write(`${text}\n`)
    },
    data: (value) => {
      if (closed) return
      const text = `${JSON.stringify(value, null, 2)}\n`
      // Once the stream is open, everything goes through it, in order.
      if (streamed) {
        stdout().write(text)
        return
      }
      try {
        if (!writeToDescriptor(text, stdout)) streamed = true
      } catch (error) {
        if (!readerGone(error)) throw error
        closed = true
      }
    },
    error: (text) => {
      stderr().write(`${text}\n`)
    },
    style: (format, text) => (colour ? styleText(format, text, { validateStream: false }) : text),
  }
}

/** Whether `error` says the reader of a pipe has gone (`EPIPE`). */
function readerGone(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EPIPE'
}
