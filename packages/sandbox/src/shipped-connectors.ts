import { autotaskhelpdesk } from '@plugboard/connector-autotaskhelpdesk'
import { chargebee } from '@plugboard/connector-chargebee'
import { chargify } from '@plugboard/connector-chargify'
import { closeio } from '@plugboard/connector-closeio'
import { connectwisehd } from '@plugboard/connector-connectwisehd'
import { expensify } from '@plugboard/connector-expensify'
import { freshdeskv2 } from '@plugboard/connector-freshdeskv2'
import { helpscout } from '@plugboard/connector-helpscout'
import { insightly } from '@plugboard/connector-insightly'
import { netsuitecrm } from '@plugboard/connector-netsuitecrm'
import { pipedrive } from '@plugboard/connector-pipedrive'
import { servicenow } from '@plugboard/connector-servicenow'
import { stripe } from '@plugboard/connector-stripe'
import { zohocrm } from '@plugboard/connector-zohocrm'
import { zuorav2 } from '@plugboard/connector-zuorav2'

/**
 * Every connector package plugboard ships, by key: the one list the sandbox bin serves, the demo
 * app registers and the connector generator adds to (`pnpm turbo gen connector`).
 *
 * @example
 * ```ts
 * import { createRegistry } from '@plugboard/core'
 * import { shippedConnectors } from '@plugboard/sandbox'
 *
 * const registry = createRegistry(shippedConnectors)
 * ```
 */
export const shippedConnectors = {
  chargebee,
  stripe,
  chargify,
  pipedrive,
  expensify,
  zuorav2,
  freshdeskv2,
  servicenow,
  zohocrm,
  closeio,
  insightly,
  helpscout,
  netsuitecrm,
  connectwisehd,
  autotaskhelpdesk,
} as const

/** The type of {@link shippedConnectors}. */
export type ShippedConnectors = typeof shippedConnectors
