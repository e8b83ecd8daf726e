/**
 * `@plugboard/sandbox`: a local, persistent implementation of the platform's instances API
 * (Hono on Node's HTTP server, node:sqlite for storage), for offline development and tests.
 *
 * @module @plugboard/sandbox
 */

export type { SandboxOrganization } from './auth.js'
export {
  type Catalogue,
  type CatalogueAuthentication,
  type CatalogueElement,
  type CatalogueEntryConfig,
  type CatalogueFilter,
  loadCatalogue,
} from './catalogue/catalogue.js'
export {
  HEALTH_PATH,
  MAX_BODY_BYTES,
  PAGE_SIZE,
  REQUEST_ID_HEADER,
  SANDBOX_ORGANIZATION_ID,
  SANDBOX_ORGANIZATION_SECRET,
  SANDBOX_USER_SECRET,
  UNAUTHORIZED_MESSAGE,
} from './constants.js'
export { DEFAULT_EVENT_RETRY, type EventRetryPolicy } from './events/dispatcher.js'
export {
  describeListenedEvent,
  type EventListenerOptions,
  type ListenedEvent,
  type RejectedCallback,
  type RunningEventListener,
  startEventListener,
} from './events/listener.js'
export {
  type SimulatedChange,
  type SimulateVendorChangeOptions,
  simulateVendorChange,
  type VendorChange,
} from './events/simulate.js'
export type { SandboxEventOptions } from './events/wiring.js'
export {
  BUSY_RETRY_AFTER_SECONDS,
  BUSY_TIMEOUT_MS,
  DEFAULT_BODY_TIMEOUT_MS,
  SANDBOX_LIMITS,
} from './limits.js'
export { CONSENT_PATH } from './oauth/consent.js'
export { DEFAULT_CODE_LIFETIME_SECONDS, type SandboxOAuthOptions } from './oauth/service.js'
export { createDefaultRegistry, type DefaultRegistry } from './registry.js'
export type { SandboxEnv } from './routes/kit.js'
export {
  createSandbox,
  type Sandbox,
  type SandboxOptions,
  type SeedInstancesOptions,
} from './sandbox.js'
export { SANDBOX_KEY_ENV } from './secrets-at-rest.js'
export { type RunningSandbox, type StartSandboxOptions, startSandbox } from './server.js'
export type { ShippedConnectors } from './shipped-connectors.js'
export type { StoredConfiguration } from './store.js'
export { SANDBOX_DEFAULT_USER, type SandboxUser } from './users.js'
