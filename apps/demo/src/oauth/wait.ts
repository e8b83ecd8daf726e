import { CancelledError } from '../cli-errors.js'
import type { Output } from '../output.js'

// Waiting for the browser: the wait ends with the awaited value, a timeout, or Ctrl-C (SIGINT or
// SIGTERM, which reject with CancelledError so the caller's `finally` closes the listener and the
// sandbox before the CLI exits with 130). On an interactive terminal a spinner turns on stderr;
// it never reads the keyboard, so Ctrl-C stays the terminal's own SIGINT.

/** The browser did not come back in time (exit code 1). */
export class OAuthTimeoutError extends Error {
  override readonly name = 'OAuthTimeoutError'
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']

function startSpinner(out: Output, message: string): () => void {
  if (!out.interactive || process.stderr.isTTY !== true) return () => {}
  let frame = 0
  const started = Date.now()
  const draw = () => {
    const seconds = Math.floor((Date.now() - started) / 1000)
    process.stderr.write(
      `\r\x1b[2K${out.style('magenta', FRAMES[frame] ?? '')} ${message} ${out.style('dim', `(${seconds}s, Ctrl-C stops)`)}`,
    )
    frame = (frame + 1) % FRAMES.length
  }
  draw()
  const timer = setInterval(draw, 100)
  return () => {
    clearInterval(timer)
    process.stderr.write('\r\x1b[2K')
  }
}

/**
 * Waits for `awaited`, at most `timeoutSeconds`; Ctrl-C rejects with {@link CancelledError}.
 * `announce` (opening the browser, printing the URL) runs once Ctrl-C is caught, so a Ctrl-C
 * right after the URL appears is a clean stop too; the spinner starts after it. Every timer and
 * signal handler is removed when the wait ends.
 */
export async function waitForBrowser<T>(
  awaited: Promise<T>,
  options: {
    readonly out: Output
    readonly message: string
    readonly timeoutSeconds: number
    readonly announce?: (() => Promise<void>) | undefined
  },
): Promise<T> {
  let stopSpinner = () => {}
  let timer: NodeJS.Timeout | undefined
  let onSignal: (() => void) | undefined
  const stopped = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new OAuthTimeoutError(
            `No answer from the browser within ${options.timeoutSeconds} s; run the command again (--timeout <seconds> waits longer).`,
          ),
        ),
      options.timeoutSeconds * 1000,
    )
    onSignal = () => reject(new CancelledError())
    process.once('SIGINT', onSignal)
    process.once('SIGTERM', onSignal)
  })
  const raced = Promise.race([awaited, stopped])
  // Handled below; this only keeps a Ctrl-C during `announce` from counting as unhandled.
  raced.catch(() => {})
  try {
    await options.announce?.()
    stopSpinner = startSpinner(options.out, options.message)
    return await raced
  } finally {
    clearTimeout(timer)
    if (onSignal !== undefined) {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
    stopSpinner()
  }
}
