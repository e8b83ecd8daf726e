import type { ConnectorConfigurationEntry } from '@plugboard/core'

/** `zuorav2` → `Zuorav2`. */
export function pascal(key: string): string {
  return `${key.charAt(0).toUpperCase()}${key.slice(1)}`
}

/** A TypeScript string literal (biome turns it to single quotes). */
export function lit(value: string): string {
  return JSON.stringify(value)
}

/** The display name made safe for TSDoc, Markdown tables and string literals. */
export function plain(text: string): string {
  return text
    .replace(/[|`*<>{}@\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** An obviously fake sample value for a required entry. */
export function sampleValue(entry: ConnectorConfigurationEntry): string {
  const key = entry.key.toLowerCase()
  if (entry.type === 'BOOLEAN') return 'false'
  if (entry.type === 'PASSWORD') return `fake-${key.replace(/[^a-z0-9]+/g, '-')}`
  if (/url|endpoint/.test(key)) return 'https://example.test'
  if (/mail/.test(key)) return 'someone@example.test'
  if (/subdomain|site|company|tenant|account/.test(key)) return 'acme'
  return 'sample'
}
