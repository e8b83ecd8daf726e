import {
  type AnyConnector,
  connectorFromDescription,
  secretKeys,
  validateConfiguration,
} from '@plugboard/core'
import { registry } from '../app-registry.js'
import { parseSetOptions, promptForMissing } from '../configuration-input.js'
import { type InstanceLike, instanceJson, printInstance } from '../instance-view.js'
import { OAUTH_DEFAULTS, type OAuthOptions } from '../oauth/options.js'
import { usesOAuth } from '../oauth/uses-oauth.js'
import type { Output } from '../output.js'
import { withSpinner } from '../spinner.js'
import { checkBaseUrl, openTarget, type Target, type TargetOptions } from '../target.js'

/** The options of `provision`. */
export interface ProvisionOptions extends TargetOptions {
  readonly name?: string | undefined
  readonly tag: readonly string[]
  readonly set: readonly string[]
  /** Arguments beyond the connector key (a `--set entry value` typed with a space). */
  readonly extra?: readonly string[] | undefined
  readonly showToken?: boolean | undefined
  readonly provisioningKey?: string | undefined
  /** How an OAuth connector's consent step runs (configuration-only connectors ignore it). */
  readonly oauth?: OAuthOptions | undefined
}

/**
 * On a terminal, where the CLI can ask for a secret instead (masked), says that one given with
 * `--set` was exposed: a command line stays in the shell's history, shows in the process list,
 * and `pnpm cli …` echoes it. Off a terminal (scripts, CI) `--set` is the way, so nothing is said.
 */
export function warnOfSecretsOnCommandLine(
  connector: AnyConnector,
  given: Readonly<Record<string, string>>,
  out: Output,
): void {
  if (!out.interactive) return
  const exposed = [...secretKeys(connector)].filter((key) => given[key] !== undefined)
  if (exposed.length === 0) return
  out.error(
    out.style(
      'yellow',
      `warning: ${exposed.join(', ')} ${exposed.length === 1 ? 'is a secret' : 'are secrets'} on the command line (kept in shell history, echoed by pnpm scripts): leave --set ${exposed[0]}=… out and you are asked for it, masked.`,
    ),
  )
}

/**
 * The connector of a catalogued key without a package: built from the platform's own description
 * (its descriptor and configuration entries). An unknown key is refused as the registry refuses
 * it, naming the known ones.
 */
export async function catalogueConnector(key: string, target: Target): Promise<AnyConnector> {
  const keys = await target.client.connectors.keys()
  if (!keys.includes(key)) return registry.resolve(key)
  return connectorFromDescription({
    connector: await target.client.connectors.get(key),
    configuration: await target.client.connectors.configuration(key),
  })
}

/**
 * `provision <key>`: validates, then provisions an instance of the connector `key`: a packaged
 * one, or one the platform's catalogue describes (validated by that description).
 */
export async function provision(
  key: string,
  options: ProvisionOptions,
  out: Output,
): Promise<void> {
  if (options.baseUrl !== undefined) checkBaseUrl(options.baseUrl)
  if (!registry.has(key)) {
    const target = await openTarget(options, out)
    try {
      const connector = await withSpinner(out, `Reading the catalogue's ${key}`, () =>
        catalogueConnector(key, target),
      )
      if (usesOAuth(connector, options.set))
        return await provisionOAuth(connector, options, out, target)
      await provisionWith(connector, target, options, out)
    } finally {
      await target.close()
    }
    return
  }
  // A key known only at run time: the connector's exact type is not, so validate at run time.
  const connector: AnyConnector = registry.resolve(key)
  if (usesOAuth(connector, options.set)) return provisionOAuth(connector, options, out)
  const configuration = await configurationFor(connector, options, out)
  const target = await openTarget(options, out)
  try {
    await provisionWith(connector, target, options, out, configuration)
  } finally {
    await target.close()
  }
}

/** The configuration from `--set` and prompts, validated: every missing or invalid entry named. */
async function configurationFor(
  connector: AnyConnector,
  options: ProvisionOptions,
  out: Output,
): Promise<Record<string, string>> {
  const given = parseSetOptions(connector, options.set, options.extra)
  warnOfSecretsOnCommandLine(connector, given, out)
  const configuration = await promptForMissing(connector, given, out)
  validateConfiguration(connector, configuration)
  return configuration
}

async function provisionWith(
  connector: AnyConnector,
  target: Target,
  options: ProvisionOptions,
  out: Output,
  validated?: Record<string, string>,
): Promise<void> {
  const key = connector.key
  const configuration = validated ?? (await configurationFor(connector, options, out))
  const instance = await withSpinner(out, `Provisioning a ${key} instance`, () =>
    target.client.provision(connector, {
      name: options.name ?? `${connector.metadata.displayName} instance`,
      configuration,
      tags: [...options.tag],
      provisioningKey: options.provisioningKey,
    }),
  )
  printProvisioned(key, instance, target, options, out)
}

/** Prints a new instance: as JSON under --json, else a summary, its token masked unless asked. */
export function printProvisioned(
  key: string,
  instance: InstanceLike,
  target: Target,
  options: { readonly showToken?: boolean | undefined },
  out: Output,
): void {
  if (out.json) {
    out.data(instanceJson(instance, options.showToken))
    return
  }
  out.line(
    out.style('green', `Provisioned ${key} instance ${instance.id} on ${target.description}.`),
  )
  printInstance(out, instance, {
    revealToken: options.showToken === true,
    maskedNote:
      'masked; the platform returns it only once: provision with --show-token to print it',
  })
}

/** The OAuth path: the consent step in the browser, then provisioning with its providerData. */
async function provisionOAuth(
  connector: AnyConnector,
  options: ProvisionOptions,
  out: Output,
  target?: Target,
): Promise<void> {
  const { provisionWithOAuth } = await import('../oauth/provision-oauth.js')
  await provisionWithOAuth(
    connector,
    { ...options, oauth: options.oauth ?? OAUTH_DEFAULTS },
    out,
    target,
  )
}
