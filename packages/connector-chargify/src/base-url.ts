import { fillBaseUrl } from '@plugboard/core/define'

/** The subset of an instance's configuration that locates its Chargify API. */
export interface ChargifySiteConfiguration {
  /** The Chargify site (subdomain). */
  readonly site: string
  /** The base URL template, e.g. `https://{site}.chargify.com`. */
  readonly 'base.url'?: string | null | undefined
}

/**
 * Resolves the API base URL of a Chargify instance: the instance's `base.url` template with its
 * `{site}` placeholder filled in (`https://acme.chargify.com`).
 *
 * @example
 * ```ts
 * chargifyApiBaseUrl(instance.configuration) // 'https://acme.chargify.com'
 * ```
 */
export function chargifyApiBaseUrl(configuration: ChargifySiteConfiguration): string {
  const template = configuration['base.url'] ?? 'https://{site}.chargify.com'
  return fillBaseUrl(template, configuration)
}
