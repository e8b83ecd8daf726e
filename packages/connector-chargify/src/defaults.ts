/**
 * The configuration entries the platform adds to every new Chargify instance, merged under the
 * caller's entries: the site's API base URL and Chargify's page pagination (pages counted from 1,
 * at most 50 items per page).
 */
export const chargifyDefaults = {
  'base.url': 'https://{site}.chargify.com',
  'pagination.type': 'page',
  'pagination.page.startindex': '1',
  'pagination.max': '50',
} as const satisfies Record<string, string | null>
