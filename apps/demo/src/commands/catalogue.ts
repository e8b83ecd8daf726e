import type { ConnectorConfigurationEntry } from '@plugboard/core'
import { registry } from '../app-registry.js'
import type { Output } from '../output.js'
import { withSpinner } from '../spinner.js'
import { openTarget, type TargetOptions } from '../target.js'

/** Connectors asked for per page: the catalogue (150+) takes a few pages, each answer small. */
export const CATALOGUE_PAGE_SIZE = 100

/** The options of `connectors --all`. */
export interface CatalogueOptions extends TargetOptions {
  readonly hub?: string | undefined
  readonly authentication?: string | undefined
  readonly text?: string | undefined
}

/** `connectors --all`: the platform's whole catalogue (every page), packaged keys marked. */
export async function listCatalogue(options: CatalogueOptions, out: Output): Promise<void> {
  const target = await openTarget(options, out)
  try {
    const connectors = await withSpinner(out, 'Reading the catalogue', async () => {
      const all = []
      let nextPage: string | undefined
      do {
        const page = await target.client.connectors.list({
          hub: options.hub,
          authentication: options.authentication,
          text: options.text,
          pageSize: CATALOGUE_PAGE_SIZE,
          nextPage,
        })
        all.push(...page.connectors)
        nextPage = page.nextPage
      } while (nextPage !== undefined)
      return all
    })
    const rows = connectors.map((connector) => ({
      key: connector.key,
      id: connector.id,
      name: connector.name,
      hub: connector.hub,
      authentication: connector.authentication.type,
      packaged: registry.has(connector.key),
    }))
    if (out.json) {
      out.data(rows)
      return
    }
    out.line(`Catalogue (${rows.length}; * has a package)`)
    const width = Math.max(0, ...rows.map((row) => row.key.length)) + 2
    for (const row of rows) {
      out.line(
        `${row.packaged ? '*' : ' '} ${row.key.padEnd(width)}${row.name} (${row.hub ?? 'no'} hub, ${row.authentication} auth)`,
      )
    }
  } finally {
    await target.close()
  }
}

interface EntryRow {
  readonly key: string
  readonly required: boolean
  readonly secret: boolean
  readonly defaultValue: string | null
  readonly description: string
}

function printEntries(out: Output, key: string, source: string, rows: readonly EntryRow[]): void {
  out.line(`${out.style('bold', key)}: configuration (${source})`)
  const width = Math.max(0, ...rows.map((row) => row.key.length)) + 2
  for (const row of rows) {
    const flags = [row.required ? 'required' : 'optional', ...(row.secret ? ['secret'] : [])]
    const fallback = row.defaultValue === null ? '' : ` (default ${row.defaultValue})`
    out.line(
      `  ${row.key.padEnd(width)}${flags.join(', ').padEnd(20)}${row.description}${fallback}`,
    )
  }
}

const fromPlatform = (entry: ConnectorConfigurationEntry): EntryRow => ({
  key: entry.key,
  required: entry.required,
  secret: entry.type === 'PASSWORD',
  // A default of a password entry is not shown: it may be a secret.
  defaultValue: entry.type === 'PASSWORD' ? null : entry.defaultValue,
  description: entry.description,
})

/**
 * `connectors show <key>`: a connector's configuration entries: offline from its package when it
 * has one, else from the platform's description of it.
 */
export async function showConnector(
  key: string,
  options: TargetOptions,
  out: Output,
): Promise<void> {
  if (registry.has(key)) {
    const { configEntries } = await import('@plugboard/core')
    const rows: EntryRow[] = configEntries(registry.resolve(key).config).map((entry) => ({
      key: entry.key,
      required: entry.required,
      secret: entry.secret,
      defaultValue: null,
      description: entry.description,
    }))
    if (out.json) out.data({ key, source: 'package', entries: rows })
    else printEntries(out, key, 'its package', rows)
    return
  }
  const target = await openTarget(options, out)
  try {
    const entries = await withSpinner(out, `Reading the configuration of ${key}`, async () => {
      const keys = await target.client.connectors.keys()
      if (!keys.includes(key)) registry.resolve(key) // refused, naming the packaged keys
      return target.client.connectors.configuration(key)
    })
    const rows = entries.filter((entry) => !entry.hideFromConsole).map(fromPlatform)
    if (out.json) out.data({ key, source: 'platform', entries: rows })
    else printEntries(out, key, `the platform, ${target.description}`, rows)
  } finally {
    await target.close()
  }
}
