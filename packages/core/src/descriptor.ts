import type { ConnectorDescriptor } from './connector.js'

/**
 * What {@link defineDescriptor} needs: the fields that differ from one connector to the next.
 *
 * @group Connectors
 */
export type DescriptorInput = Pick<ConnectorDescriptor, 'id' | 'key' | 'name' | 'hub'> &
  Partial<ConnectorDescriptor>

/**
 * A connector's platform descriptor from the fields that tell it apart; every other field takes
 * the value most connectors have on the platform (`description` `"<name> API"`, no image, not
 * active, not OAuth, transformations and bulk enabled, cloneable, Basic authentication, no
 * parameters). Any field may still be given.
 *
 * @example
 * ```ts
 * export const acmeDescriptor = defineDescriptor({ id: 0, key: 'acme', name: 'Acme', hub: 'payment' })
 * ```
 *
 * @group Connectors
 */
export function defineDescriptor(input: DescriptorInput): ConnectorDescriptor {
  // Built field by field, in the order the platform answers them.
  return {
    id: input.id,
    name: input.name,
    key: input.key,
    description: input.description ?? `${input.name} API`,
    image: input.image ?? '',
    active: input.active ?? false,
    deleted: input.deleted ?? false,
    typeOauth: input.typeOauth ?? false,
    trialAccount: input.trialAccount ?? false,
    resources: input.resources ?? [],
    transformationsEnabled: input.transformationsEnabled ?? true,
    bulkDownloadEnabled: input.bulkDownloadEnabled ?? true,
    bulkUploadEnabled: input.bulkUploadEnabled ?? true,
    cloneable: input.cloneable ?? true,
    authentication: input.authentication ?? { type: 'basic' },
    hub: input.hub,
    parameters: input.parameters ?? [],
  }
}

/**
 * Fills a base-URL template's `{entry}` placeholders with the configuration's values,
 * URL-encoded: `https://{site}.chargebee.com/api/v1` with `site: 'acme-test'` gives
 * `https://acme-test.chargebee.com/api/v1`. A placeholder without a string value stays as it is.
 *
 * @example
 * ```ts
 * fillBaseUrl(instance.configuration['base.url'], instance.configuration)
 * ```
 *
 * @group Connectors
 */
export function fillBaseUrl(template: string, configuration: object): string {
  const entries = configuration as Readonly<Record<string, unknown>>
  return template.replace(/\{([^{}]+)\}/g, (placeholder, key: string) => {
    const value = entries[key]
    return typeof value === 'string' ? encodeURIComponent(value) : placeholder
  })
}
