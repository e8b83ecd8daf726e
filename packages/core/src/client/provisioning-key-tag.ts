/**
 * The tag that carries a provisioning key: `plugboard-provisioning-key:<key>`.
 *
 * @group Provisioning
 */
export const PROVISIONING_KEY_TAG_PREFIX = 'plugboard-provisioning-key:'
