import { brandOf } from './base.js'
import { RequestError, type RequestErrorOptions } from './request-errors.js'

/**
 * The options of {@link ProvisioningKeyError}.
 *
 * @group Errors
 */
export interface ProvisioningKeyErrorOptions extends RequestErrorOptions {
  /** The id of the instance an earlier attempt with the provisioning key created. */
  readonly instanceId: number
}

/**
 * `provision` with a provisioning key found the instance an earlier attempt created, but the
 * platform answered without its token, so it cannot be handed back whole. Nothing new was
 * created: use the instance by id (`client.instances`), or delete it and provision again.
 *
 * @group Errors
 */
export class ProvisioningKeyError extends RequestError {
  static override get brand(): symbol {
    return brandOf('ProvisioningKeyError')
  }

  /** The id of the instance an earlier attempt with the provisioning key created. */
  readonly instanceId: number

  constructor(options: ProvisioningKeyErrorOptions) {
    super(
      `found instance ${options.instanceId}, created by an earlier attempt with this provisioning key, but the platform answered without its token; nothing new was created.`,
      options,
    )
    this.instanceId = options.instanceId
  }
}
