import { brandOf, PlugboardError } from './base.js'

/**
 * Why a configuration entry was refused.
 *
 * @group Errors
 */
export type ConfigurationIssueKind = 'missing' | 'invalid' | 'unknown'

/**
 * One refused configuration entry.
 *
 * @group Errors
 */
export interface ConfigurationIssue {
  /** The configuration key, e.g. `"site"`. */
  readonly key: string
  /** Whether the entry is missing, has an invalid value, or is not an entry of the connector. */
  readonly kind: ConfigurationIssueKind
  /** Why, in words. Never contains the value of a secret entry. */
  readonly message: string
}

/**
 * The options of {@link ConfigurationError}.
 *
 * @group Errors
 */
export interface ConfigurationErrorOptions {
  /** The key of the connector whose configuration was refused. */
  readonly connectorKey: string
  /** Every refused entry. */
  readonly issues: readonly ConfigurationIssue[]
}

function keysOf(issues: readonly ConfigurationIssue[], kind: ConfigurationIssueKind): string[] {
  return issues.filter((issue) => issue.kind === kind).map((issue) => issue.key)
}

function describe(connectorKey: string, issues: readonly ConfigurationIssue[]): string {
  const parts: string[] = []
  const missing = keysOf(issues, 'missing')
  const unknown = keysOf(issues, 'unknown')
  if (missing.length > 0) parts.push(`missing required entries: ${missing.join(', ')}`)
  for (const issue of issues.filter((item) => item.kind === 'invalid')) {
    parts.push(`invalid entry "${issue.key}": ${issue.message}`)
  }
  if (unknown.length > 0) parts.push(`unknown entries: ${unknown.join(', ')}`)
  return `The ${connectorKey} configuration was refused: ${parts.join('; ')}.`
}

/**
 * A configuration was refused before anything was sent: it names every missing, invalid and
 * unknown entry at once.
 *
 * @group Errors
 */
export class ConfigurationError extends PlugboardError {
  static override get brand(): symbol {
    return brandOf('ConfigurationError')
  }

  /** The key of the connector whose configuration was refused. */
  readonly connectorKey: string
  /** Every refused entry. */
  readonly issues: readonly ConfigurationIssue[]

  constructor(options: ConfigurationErrorOptions) {
    super(describe(options.connectorKey, options.issues))
    this.connectorKey = options.connectorKey
    this.issues = options.issues
  }

  /** The keys of the missing required entries. */
  get missing(): string[] {
    return keysOf(this.issues, 'missing')
  }

  /** The keys of the entries whose values were refused. */
  get invalid(): string[] {
    return keysOf(this.issues, 'invalid')
  }

  /** The keys that are not entries of the connector. */
  get unknown(): string[] {
    return keysOf(this.issues, 'unknown')
  }
}
