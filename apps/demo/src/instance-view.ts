import { secretKeys } from '@plugboard/core'
import { MASK } from '@plugboard/core/protocol'
import { registry } from './app-registry.js'
import type { Output } from './output.js'

// Here rather than in output.ts, which every command loads: `@plugboard/core/protocol` holds the
// wire schemas too, and `connectors` needs none of them (bench row P8).

/** Shows a secret as its first four characters and a mask, e.g. `cuED…****`. */
export function maskSecret(secret: string): string {
  return secret.length <= 8 ? MASK : `${secret.slice(0, 4)}…${MASK}`
}

/** The fields of an instance the CLI shows. */
export interface InstanceLike {
  readonly id: number
  readonly name: string
  readonly token?: string | undefined
  readonly connector?:
    | {
        readonly key: string
        readonly name?: string | undefined
        readonly hub?: string | undefined
      }
    | undefined
  readonly configuration: Readonly<Record<string, unknown>>
  readonly tags?: readonly string[] | undefined
  readonly disabled?: boolean | undefined
}

/**
 * Resolves an instance's API base URL: its `base.url` template with every `{entry}` placeholder
 * filled from the instance's configuration (`https://{site}.chargebee.com/api/v1` ->
 * `https://acme-test.chargebee.com/api/v1`).
 */
export function resolveApiBaseUrl(
  configuration: Readonly<Record<string, unknown>>,
): string | undefined {
  const template = configuration['base.url']
  if (typeof template !== 'string') return undefined
  return template.replace(/\{([^{}]+)\}/g, (placeholder, key: string) => {
    const value = configuration[key]
    return typeof value === 'string' ? encodeURIComponent(value) : placeholder
  })
}

/**
 * The configuration as the CLI shows it: the values of the connector's secret entries replaced by
 * the mask. The platform masks password-type entries only and echoes API keys; plugboard never
 * prints a secret, so the CLI redacts every entry the connector marks secret.
 */
export function shownConfiguration(instance: InstanceLike): Readonly<Record<string, unknown>> {
  const key = instance.connector?.key
  if (key === undefined || !registry.has(key)) return instance.configuration
  const secrets = secretKeys(registry.resolve(key))
  const shown: Record<string, unknown> = {}
  for (const [entry, value] of Object.entries(instance.configuration)) {
    shown[entry] = secrets.has(entry) && typeof value === 'string' && value !== '' ? MASK : value
  }
  return shown
}

/** The instance as `--json` prints it: the token masked unless the caller asked to reveal it. */
export function instanceJson(instance: InstanceLike, revealToken = false): Record<string, unknown> {
  return {
    id: instance.id,
    name: instance.name,
    connector: instance.connector?.key ?? null,
    ...(instance.token === undefined
      ? {}
      : { token: revealToken ? instance.token : maskSecret(instance.token) }),
    apiBaseUrl: resolveApiBaseUrl(instance.configuration) ?? null,
    tags: instance.tags ?? [],
    disabled: instance.disabled ?? false,
    configuration: shownConfiguration(instance),
  }
}

/**
 * Prints a readable summary of one instance. The token, when the answer has one (only the
 * provisioning answer does), is masked unless `revealToken` is set.
 */
export function printInstance(
  out: Output,
  instance: InstanceLike,
  options: { readonly revealToken?: boolean; readonly maskedNote?: string } = {},
): void {
  const label = (text: string) => out.style('dim', text.padEnd(12))
  out.line(`${label('id')}${instance.id}`)
  out.line(`${label('name')}${instance.name}`)
  out.line(
    `${label('connector')}${instance.connector?.key ?? '?'} (${instance.connector?.name ?? '?'}, ${instance.connector?.hub ?? '?'} hub)`,
  )
  if (instance.token !== undefined) {
    const note =
      options.revealToken === true
        ? 'store it now: the platform returns it only once'
        : (options.maskedNote ?? 'masked')
    const shown = options.revealToken === true ? instance.token : maskSecret(instance.token)
    out.line(`${label('token')}${shown}  ${out.style('dim', `(${note})`)}`)
  }
  const apiBaseUrl = resolveApiBaseUrl(instance.configuration)
  if (apiBaseUrl !== undefined) out.line(`${label('API base')}${apiBaseUrl}`)
  out.line(`${label('tags')}${(instance.tags ?? []).join(', ') || '-'}`)
  if (instance.disabled === true) out.line(`${label('state')}disabled`)
  out.line(out.style('bold', 'configuration (as the platform returned it)'))
  const entries = Object.entries(shownConfiguration(instance))
  const width = Math.max(...entries.map(([key]) => key.length)) + 2
  for (const [key, value] of entries) {
    out.line(`  ${key.padEnd(width)}${value === null ? out.style('dim', 'null') : String(value)}`)
  }
}

/** Prints instances as a table, one line each. */
export function printInstanceTable(out: Output, instances: readonly InstanceLike[]): void {
  if (instances.length === 0) {
    out.line('No instances.')
    return
  }
  out.line(out.style('bold', `${'id'.padEnd(8)}${'connector'.padEnd(14)}${'name'.padEnd(28)}tags`))
  for (const instance of instances) {
    const name = instance.disabled === true ? `${instance.name} (disabled)` : instance.name
    out.line(
      `${String(instance.id).padEnd(8)}${(instance.connector?.key ?? '?').padEnd(14)}${name.padEnd(28)}${(instance.tags ?? []).join(', ')}`,
    )
  }
}
