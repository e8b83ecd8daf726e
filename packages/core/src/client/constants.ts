// The client's public constants, apart from the modules that use them: the main entry exports
// them without loading the client's implementation (which it imports on the client's first call).

/**
 * The most pages one `iterate()` reads by default: 1,000 pages (a million instances at the
 * sandbox's largest page size).
 *
 * @group Instances
 */
export const DEFAULT_MAX_PAGES = 1000

/**
 * The tag that carries a provisioning key: `plugboard-provisioning-key:<key>`.
 *
 * @group Provisioning
 */
export const PROVISIONING_KEY_TAG_PREFIX = 'plugboard-provisioning-key:'

/**
 * How many values a client remembers to redact (tokens and secret values it has sent or seen),
 * each with its URL-encoded form. Past it, the value remembered longest ago is forgotten first;
 * the client's own secrets are never forgotten.
 *
 * @group Provisioning
 */
export const MAX_REMEMBERED_SECRETS = 100_000

/**
 * The most characters the remembered values and their URL-encoded forms may hold together
 * (16 Mi: 100,000 tokens of the platform's size take about 10 Mi). Past it, the oldest go first.
 *
 * @group Provisioning
 */
export const MAX_REMEMBERED_CHARACTERS = 16 * 1024 * 1024

/**
 * The shortest value remembered for later calls. A shorter value (`'true'`, `'us'`) is redacted
 * from the errors of the call that sent it, but remembering it would mask that word everywhere.
 *
 * @group Provisioning
 */
export const MIN_REMEMBERED_LENGTH = 6
