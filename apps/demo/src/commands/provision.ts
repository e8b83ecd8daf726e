import { type AnyConnector, validateConfiguration } from '@plugboard/core'
import { registry } from '../app-registry.js'
import { parseSetOptions, promptForMissing } from '../configuration-input.js'
import { instanceJson, printInstance } from '../instance-view.js'
import type { Output } from '../output.js'
import { withSpinner } from '../spinner.js'
import { openTarget, type TargetOptions } from '../target.js'

/** The options of `provision`. */
export interface ProvisionOptions extends TargetOptions {
  readonly name?: string | undefined
  readonly tag: readonly string[]
  readonly set: readonly string[]
  readonly showToken?: boolean | undefined
  readonly provisioningKey?: string | undefined
}

/** `provision <key>`: validates, then provisions an instance of the connector `key`. */
export async function provision(
  key: string,
  options: ProvisionOptions,
  out: Output,
): Promise<void> {
  // A key known only at run time: the connector's exact type is not, so validate at run time.
  const connector: AnyConnector = registry.resolve(key)
  const configuration = await promptForMissing(connector, parseSetOptions(options.set), out)
  // Refuse before starting anything: names every missing or invalid entry.
  validateConfiguration(connector, configuration)
  const target = await openTarget(options, out)
  try {
    const instance = await withSpinner(out, `Provisioning a ${key} instance`, () =>
      target.client.provision(connector, {
        name: options.name ?? `${connector.metadata.displayName} instance`,
        configuration,
        tags: [...options.tag],
        provisioningKey: options.provisioningKey,
      }),
    )
    if (out.json) {
      out.data(instanceJson(instance, options.showToken))
      return
    }
    out.line(
      out.style('green', `Provisioned ${key} instance ${instance.id} on ${target.description}.`),
    )
    printInstance(out, instance)
  } finally {
    await target.close()
  }
}
