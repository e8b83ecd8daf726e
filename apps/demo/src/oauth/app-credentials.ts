import { isCancel, password, text } from '@clack/prompts'
import type { AnyConnector } from '@plugboard/core'
import { CancelledError, UsageError } from '../cli-errors.js'
import type { Output } from '../output.js'

/** The configuration entries of the OAuth app at the vendor. */
const APP_ENTRIES = ['oauth.api.key', 'oauth.api.secret'] as const

/**
 * The OAuth app's key and secret: from `--set`, else asked for on a terminal (the secret masked)
 * and added to `given`. Off a terminal, missing ones are a usage error naming them.
 */
export async function appCredentials(
  connector: AnyConnector,
  given: Record<string, string>,
  out: Output,
  command: 'provision' | 'reauthorize',
): Promise<{ apiKey: string; apiSecret: string }> {
  for (const entry of APP_ENTRIES) {
    if (given[entry] !== undefined && given[entry] !== '') continue
    if (!out.interactive) {
      const missing = APP_ENTRIES.filter((name) => (given[name] ?? '') === '')
      throw new UsageError(
        `${command} ${connector.key} needs the OAuth app's ${missing.join(' and ')}${command === 'reauthorize' ? ' (the instance holds them masked)' : ''}: add ${missing.map((name) => `--set ${name}=…`).join(' ')}.`,
      )
    }
    const message = `${entry} (the OAuth app at ${connector.metadata.displayName})`
    const validate = (value: string | undefined) =>
      value === undefined || value === '' ? `Enter ${entry}.` : undefined
    const answer =
      entry === 'oauth.api.secret'
        ? await password({ message, validate })
        : await text({ message, validate })
    if (isCancel(answer)) throw new CancelledError()
    given[entry] = answer
  }
  return { apiKey: given['oauth.api.key'] ?? '', apiSecret: given['oauth.api.secret'] ?? '' }
}
