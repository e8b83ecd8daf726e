/**
 * The configuration entries the platform adds to every new Chargebee instance, merged under the
 * caller's entries (the map in the spec's instance response, without the caller's own entries).
 */
export const chargebeeDefaults = {
  'base.url': 'https://{site}.chargebee.com/api/v1',
  'bulk.add_metadata': null,
  'bulk.query.field_name': 'start_time',
  'pagination.max': '100',
  'event.vendor.type': 'polling',
  'bulk.query.operator': '>=',
  'bulk.query.date_mask': "yyyy-MM-dd'T'HH:mm:ssXXX",
  'bulk.query.download_format': 'JSON',
  'bulk.attribute.created_time': 'created_at',
  'bulk.relations': null,
  'pagination.type': 'offset',
  'event.poller.refresh_interval': '15',
  'event.notification.callback.url': null,
  'event.poller.configuration':
    // biome-ignore lint/suspicious/noTemplateCurlyInString: ${epoch} is the platform's own polling placeholder, sent verbatim.
    '{"events":{"url":"/hubs/payment/events?where=start_time=\'${epoch}\'","idField":""}}',
  'event.notification.enabled': 'false',
} as const satisfies Record<string, string | null>
