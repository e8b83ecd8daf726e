import type { ConfigurationValue } from '../connector.js'

/**
 * The configuration entries the platform adds to every instance, whatever its connector, with
 * their defaults: event notifications off, no callback URL, no vendor event type, and nulls
 * removed from hub answers. A connector's own defaults (`connector.defaults`) are merged over
 * these, and the caller's entries over both.
 */
export const PLATFORM_COMMON_ENTRIES: Readonly<Record<string, ConfigurationValue>> =
  /* @__PURE__ */ Object.freeze({
    'event.notification.enabled': 'false',
    'event.vendor.type': null,
    'event.notification.callback.url': null,
    'filter.response.nulls': 'true',
  })

/**
 * The response header of every hub call: the id of the instance the call went to.
 */
export const INSTANCE_ID_HEADER = 'elements-element-instance-id'
