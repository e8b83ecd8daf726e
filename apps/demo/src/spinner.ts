import { spinner } from '@clack/prompts'
import { EXIT_CANCELLED } from './cli-errors.js'
import type { Output } from './output.js'

/**
 * Runs `task` with a spinner on an interactive terminal, silently otherwise. Ctrl-C while it
 * spins stops the spinner and exits with 130, as an interrupted command does.
 */
export async function withSpinner<T>(
  out: Output,
  message: string,
  task: () => Promise<T>,
): Promise<T> {
  if (!out.interactive) return task()
  // The spinner reads the terminal in raw mode and answers Ctrl-C with process.exit(0) (a SIGINT
  // from elsewhere calls onCancel): while it spins, no exit is a success.
  const interrupted = () => {
    process.exitCode = EXIT_CANCELLED
  }
  process.once('exit', interrupted)
  const spin = spinner({ onCancel: () => process.exit(EXIT_CANCELLED) })
  spin.start(message)
  try {
    const result = await task()
    spin.stop(message)
    return result
  } catch (error) {
    spin.error(message)
    throw error
  } finally {
    process.off('exit', interrupted)
  }
}
