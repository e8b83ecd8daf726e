import { UsageError } from '../cli-errors.js'
import type { OptionSpec } from '../command-line.js'

// The command-line options of the OAuth flow, shared by `provision` (for OAuth connectors) and
// `reauthorize`. Configuration-only connectors ignore them.

/** The OAuth flow's options as the command line gives them. */
export const OAUTH_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  'callback-url': {
    type: 'string',
    value: '<url>',
    description:
      'OAuth: the callback registered with your OAuth app, a loopback http URL the CLI listens on (default http://127.0.0.1:<free port>/callback)',
  },
  'no-browser': {
    type: 'boolean',
    description: 'OAuth: print the authorisation URL instead of opening a browser',
  },
  timeout: {
    type: 'string',
    value: '<seconds>',
    default: '300',
    description: 'OAuth: how long to wait for the browser to come back',
  },
  scope: {
    type: 'string',
    value: '<scope>',
    description: 'OAuth: the permissions to ask for (connectors whose URL takes scope)',
  },
  'site-address': {
    type: 'string',
    value: '<host>',
    description: "OAuth: the vendor account's host (connectors whose URL takes siteAddress)",
  },
}

/** The OAuth flow's options, read. */
export interface OAuthOptions {
  readonly callbackUrl?: string | undefined
  readonly noBrowser: boolean
  readonly timeoutSeconds: number
  readonly scope?: string | undefined
  readonly siteAddress?: string | undefined
}

/** The OAuth options when none are given: a free loopback port, the browser, 300 s. */
export const OAUTH_DEFAULTS: OAuthOptions = { noBrowser: false, timeoutSeconds: 300 }

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

/** Reads the OAuth options from a parsed command line; a bad `--timeout` is a usage error. */
export function readOAuthOptions(
  options: Readonly<Record<string, string | boolean | string[] | undefined>>,
): OAuthOptions {
  const timeout = text(options.timeout) ?? '300'
  const seconds = Number(timeout)
  if (!/^[0-9]+$/.test(timeout) || !Number.isSafeInteger(seconds) || seconds < 1) {
    throw new UsageError(`--timeout takes a whole number of seconds (1 or more), got "${timeout}".`)
  }
  return {
    callbackUrl: text(options['callback-url']),
    noBrowser: options['no-browser'] === true,
    timeoutSeconds: Math.min(seconds, 86_400),
    scope: text(options.scope),
    siteAddress: text(options['site-address']),
  }
}
