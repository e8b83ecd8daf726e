import type { EventConfiguration, PollerResource } from '@plugboard/core/events'
import { UsageError } from '../cli-errors.js'
import type { Output } from '../output.js'
import { withSpinner } from '../spinner.js'
import { openTarget, type Target, type TargetOptions } from '../target.js'
import { parseId } from './instances.js'
import { signatureKeyFor } from './signature-key.js'

/** The options of `events enable`. */
export interface EnableOptions extends TargetOptions {
  readonly callbackUrl?: string | undefined
  /** The name of the environment variable holding the signature key (never the key itself). */
  readonly signatureKeyEnv?: string | undefined
  /** Poll the vendor instead of taking its webhooks. */
  readonly polling: boolean
  /** With `polling`: minutes between polls. */
  readonly pollMinutes?: string | undefined
  /** With `polling`: `<resource>=<hub path>` pairs; else the instance's own poller configuration. */
  readonly poll: readonly string[]
}

function checkCallbackUrl(value: string | undefined): string {
  if (value === undefined) {
    throw new UsageError(
      'events enable needs --callback-url <url>: where the platform POSTs each event (the URL `events listen` prints, or your own handler).',
    )
  }
  const url = URL.canParse(value) ? new URL(value) : undefined
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new UsageError(`--callback-url must be an absolute http(s) URL, got "${value}".`)
  }
  return value
}

function parseMinutes(value: string): number {
  const minutes = /^[0-9]{1,6}$/.test(value) ? Number(value) : Number.NaN
  if (!(minutes >= 1)) {
    throw new UsageError(
      `--poll-minutes must be a whole number of minutes, 1 or more, got "${value}".`,
    )
  }
  return minutes
}

/** `--poll customers=/hubs/payment/customers?…` pairs as poller resources (their id field `id`). */
function parsePolls(polls: readonly string[]): Record<string, PollerResource> | undefined {
  if (polls.length === 0) return undefined
  const resources: Record<string, PollerResource> = {}
  for (const poll of polls) {
    const at = poll.indexOf('=')
    const name = at > 0 ? poll.slice(0, at) : ''
    const url = at > 0 ? poll.slice(at + 1) : ''
    if (name === '' || !url.startsWith('/')) {
      throw new UsageError(
        `--poll takes <resource>=<hub path>, e.g. customers=/hubs/payment/customers, got "${poll}".`,
      )
    }
    resources[name] = { url, idField: 'id' }
  }
  return resources
}

/** The instance's own `event.poller.configuration` (a connector's default), as poller resources. */
async function configuredResources(
  target: Target,
  instanceId: number,
): Promise<Record<string, PollerResource>> {
  const instance = await target.client.instances.get(instanceId)
  const text = (instance.configuration as Record<string, unknown>)['event.poller.configuration']
  let parsed: unknown
  try {
    parsed = typeof text === 'string' ? JSON.parse(text) : undefined
  } catch {
    parsed = undefined
  }
  const valid =
    typeof parsed === 'object' &&
    parsed !== null &&
    Object.keys(parsed).length > 0 &&
    Object.values(parsed).every(
      (resource: unknown) =>
        typeof resource === 'object' &&
        resource !== null &&
        typeof (resource as { url?: unknown }).url === 'string',
    )
  if (!valid) {
    throw new UsageError(
      `Instance ${instanceId} has no poller configuration to use: give the resources to poll with --poll <resource>=<hub path>.`,
    )
  }
  return parsed as Record<string, PollerResource>
}

/**
 * Whether the instance's answer has its notifications on: its `event.notification.enabled` entry
 * (the instance's `eventsEnabled` field is not that switch; the sandbox always answers false).
 */
function notificationsOn(configuration: unknown): boolean {
  return (configuration as Record<string, unknown>)['event.notification.enabled'] === 'true'
}

/**
 * `events enable`: turns an instance's events on (webhook by default, or polling), pointing the
 * platform at a callback URL, signed with a key from the environment or a masked prompt.
 */
export async function enableEvents(id: string, options: EnableOptions, out: Output): Promise<void> {
  const instanceId = parseId(id)
  const callbackUrl = checkCallbackUrl(options.callbackUrl)
  if (!options.polling && (options.pollMinutes !== undefined || options.poll.length > 0)) {
    throw new UsageError('--poll and --poll-minutes set up polling; add --polling.')
  }
  const minutes = options.pollMinutes === undefined ? undefined : parseMinutes(options.pollMinutes)
  const polls = parsePolls(options.poll)
  const signatureKey = await signatureKeyFor(
    options.signatureKeyEnv,
    out,
    'callbacks are not signed',
  )
  const target = await openTarget(options, out)
  try {
    const setup: EventConfiguration = options.polling
      ? {
          mode: 'polling',
          callbackUrl,
          signatureKey,
          refreshIntervalMinutes: minutes,
          resources: polls ?? (await configuredResources(target, instanceId)),
        }
      : { mode: 'webhook', callbackUrl, signatureKey }
    const instance = await withSpinner(out, `Turning events on for instance ${instanceId}`, () =>
      target.client.instances.enableEvents(instanceId, setup),
    )
    const summary = {
      instanceId,
      eventsEnabled: notificationsOn(instance.configuration),
      mode: setup.mode,
      callbackUrl,
      signed: signatureKey !== undefined,
      ...(setup.mode === 'polling'
        ? { resources: Object.keys(setup.resources), pollMinutes: minutes }
        : {}),
    }
    if (out.json) {
      out.data(summary)
      return
    }
    out.line(
      out.style(
        'green',
        `Events on for instance ${instanceId} (${setup.mode === 'polling' ? `polling ${summary.resources?.join(', ')}` : "the vendor's webhooks"}): callbacks go to ${callbackUrl}.`,
      ),
    )
    out.line(
      signatureKey === undefined
        ? 'Callbacks are not signed (no --signature-key-env): a receiver cannot tell them from forgeries.'
        : `Callbacks are signed${options.signatureKeyEnv === undefined ? '' : ` with the key in ${options.signatureKeyEnv}`} (Elements-Webhook-Signature).`,
    )
  } finally {
    await target.close()
  }
}

/** `events disable`: turns an instance's events off; nothing more is delivered to its callback. */
export async function disableEvents(
  id: string,
  options: TargetOptions,
  out: Output,
): Promise<void> {
  const instanceId = parseId(id)
  const target = await openTarget(options, out)
  try {
    const instance = await withSpinner(out, `Turning events off for instance ${instanceId}`, () =>
      target.client.instances.disableEvents(instanceId),
    )
    if (out.json) out.data({ instanceId, eventsEnabled: notificationsOn(instance.configuration) })
    else
      out.line(`Events off for instance ${instanceId}: nothing more is sent to its callback URL.`)
  } finally {
    await target.close()
  }
}
