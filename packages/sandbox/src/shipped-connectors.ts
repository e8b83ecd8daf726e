import { autotaskhelpdesk } from '@plugboard/connector-autotaskhelpdesk'
import { closeio } from '@plugboard/connector-closeio'
import { connectwisehd } from '@plugboard/connector-connectwisehd'
import { expensify } from '@plugboard/connector-expensify'
import { freshdeskv2 } from '@plugboard/connector-freshdeskv2'
import { helpscout } from '@plugboard/connector-helpscout'
import { hubspotcrm } from '@plugboard/connector-hubspotcrm'
import { insightly } from '@plugboard/connector-insightly'
import { netsuitecrm } from '@plugboard/connector-netsuitecrm'
import { pipedrive } from '@plugboard/connector-pipedrive'
import { quickbooks } from '@plugboard/connector-quickbooks'
import { servicenow } from '@plugboard/connector-servicenow'
import { sfdc } from '@plugboard/connector-sfdc'
import { zendesk } from '@plugboard/connector-zendesk'
import { zohocrm } from '@plugboard/connector-zohocrm'
import { zuorav2 } from '@plugboard/connector-zuorav2'
/**
 * The connector packages plugboard ships, in one list.
 *
 * @module @plugboard/sandbox/shipped-connectors
 */

import { chargebee } from '@plugboard/connector-chargebee'
import { chargify } from '@plugboard/connector-chargify'
import { stripe } from '@plugboard/connector-stripe'

/**
 * Every connector package plugboard ships, by key: the one list the sandbox bin serves, the demo
 * app registers and the connector generator adds to (`pnpm turbo gen connector`). It is its own
 * entry, `@plugboard/sandbox/shipped-connectors`, because it imports every connector package: the
 * sandbox's main entry stays usable with only the connectors an app installs.
 *
 * @example
 * ```ts
 * import { createRegistry } from '@plugboard/core'
 * import { shippedConnectors } from '@plugboard/sandbox/shipped-connectors'
 *
 * const registry = createRegistry(shippedConnectors)
 * ```
 */
export const shippedConnectors = {
  chargebee,
  stripe,
  chargify,
  expensify,
  zuorav2,
  pipedrive,
  zohocrm,
  closeio,
  insightly,
  netsuitecrm,
  freshdeskv2,
  servicenow,
  helpscout,
  connectwisehd,
  autotaskhelpdesk,
  sfdc,
  hubspotcrm,
  zendesk,
  quickbooks,
} as const

/** The type of {@link shippedConnectors}. */
export type ShippedConnectors = typeof shippedConnectors
