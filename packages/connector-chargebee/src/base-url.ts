import { fillBaseUrl } from '@plugboard/core/define'

/** The subset of an instance's configuration that locates its Chargebee API. */
export interface ChargebeeSiteConfiguration {
  /** The Chargebee site (subdomain). */
  readonly site: string
  /** The base URL template, e.g. `https://{site}.chargebee.com/api/v1`. */
  readonly 'base.url'?: string | null | undefined
}

/**
 * Resolves the API base URL of a Chargebee instance: the instance's `base.url` template with its
 * `{site}` placeholder filled in (`https://acme-test.chargebee.com/api/v1`).
 *
 * @example
 * ```ts
 * chargebeeApiBaseUrl(instance.configuration) // 'https://acme-test.chargebee.com/api/v1'
 * ```
 */
export function chargebeeApiBaseUrl(configuration: ChargebeeSiteConfiguration): string {
  const template = configuration['base.url'] ?? 'https://{site}.chargebee.com/api/v1'
  return fillBaseUrl(template, configuration)
}
