import { type Context, segment } from './context.js'
import { InstancesResource } from './instances.js'

/**
 * The instance calls under one connector (`/elements/{keyOrId}/instances…`): the same calls as
 * `client.instances` (`list`, `iterate`, `get`, `update`, `patch`, `delete`, configuration entries,
 * `enable`, `disable`), each scoped to the connector named by its key or its numeric id. An
 * instance of another connector answers 404.
 *
 * @example
 * ```ts
 * const page = await client.connectorInstances('chargebee').list({ tags: ['billing'] })
 * const same = await client.connectorInstances(451).get(page.instances[0]?.id ?? 0)
 * ```
 */
export function connectorInstances(context: Context, keyOrId: string | number): InstancesResource {
  return new InstancesResource(context, `elements/${segment('keyOrId', keyOrId)}/`)
}
