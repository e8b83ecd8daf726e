import type { InstanceConnector } from '../instance.js'
import { type Context, segment } from './context.js'
import { parseConnector } from './parse.js'
import { request } from './request.js'

/**
 * The platform's connector descriptors.
 *
 * @group Connectors
 */
export class ConnectorsResource {
  readonly #context: Context

  /** @internal Built by `createPlatformClient`. */
  constructor(context: Context) {
    this.#context = context
  }

  /** The descriptor of the connector `key` (`GET /elements/{key}`). */
  async get(key: string): Promise<InstanceConnector> {
    const path = `elements/${segment('key', key)}`
    return request(this.#context.transport, { method: 'GET', path }, parseConnector)
  }
}
