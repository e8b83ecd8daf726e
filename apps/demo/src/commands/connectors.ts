import { configEntries } from '@plugboard/core/define'
import { registry } from '../app-registry.js'
import type { Output } from '../output.js'

/** `connectors`: the registry's connectors with their configuration entries. */
export function listConnectors(out: Output): void {
  const connectors = registry.list().map((connector) => ({
    key: connector.key,
    name: connector.metadata.displayName,
    description: connector.metadata.description,
    hub: connector.metadata.hub,
    authentication: connector.metadata.authentication,
    entries: configEntries(connector.config),
  }))
  if (out.json) {
    out.data(connectors)
    return
  }
  for (const connector of connectors) {
    out.line(
      `${out.style('bold', connector.key)}  ${connector.name} — ${connector.description} (${connector.hub} hub, ${connector.authentication} auth)`,
    )
    for (const entry of connector.entries) {
      const flags = [entry.required ? 'required' : 'optional', ...(entry.secret ? ['secret'] : [])]
      out.line(`  ${entry.key.padEnd(12)}${flags.join(', ').padEnd(20)}${entry.description}`)
    }
    out.line()
  }
}
