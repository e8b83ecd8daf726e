import { CancelledError, UsageError } from '../cli-errors.js'
import type { Output } from '../output.js'

/**
 * The signature key held by the environment variable `--signature-key-env` names (never the key
 * itself on the command line: a shell keeps that in its history), or undefined without the option.
 */
export function signatureKeyFromEnv(name: string | undefined): string | undefined {
  if (name === undefined) return undefined
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new UsageError('--signature-key-env takes the name of an environment variable.')
  }
  const key = process.env[name]
  if (key === undefined || key === '') {
    throw new UsageError(`--signature-key-env ${name}: the variable ${name} is not set.`)
  }
  return key
}

/**
 * On a terminal, asks for the signature key, masked; `emptyMeans` says what an empty answer does.
 * Off a terminal there is no one to ask: undefined.
 */
export async function promptForSignatureKey(
  out: Output,
  emptyMeans: string,
): Promise<string | undefined> {
  if (!out.interactive) return undefined
  const { isCancel, password } = await import('@clack/prompts')
  const answer = await password({ message: `The instance's signature key (empty: ${emptyMeans})` })
  if (isCancel(answer)) throw new CancelledError()
  return answer === undefined || answer === '' ? undefined : answer
}

/** The key from `--signature-key-env` when given, else from a masked prompt on a terminal. */
export async function signatureKeyFor(
  envName: string | undefined,
  out: Output,
  emptyMeans: string,
): Promise<string | undefined> {
  return envName === undefined
    ? promptForSignatureKey(out, emptyMeans)
    : signatureKeyFromEnv(envName)
}
