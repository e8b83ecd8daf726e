import { spinner } from '@clack/prompts'
import type { Output } from './output.js'

/** Runs `task` with a spinner on an interactive terminal, silently otherwise. */
export async function withSpinner<T>(
  out: Output,
  message: string,
  task: () => Promise<T>,
): Promise<T> {
  if (!out.interactive) return task()
  const spin = spinner()
  spin.start(message)
  try {
    const result = await task()
    spin.stop(message)
    return result
  } catch (error) {
    spin.error(message)
    throw error
  }
}
