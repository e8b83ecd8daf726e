export type { ConnectorsResource } from './connectors.js'
export { createPlatformClient, type InstancesApi, type PlatformClient } from './create-client.js'
export type { CurrentInstanceApi, HubRequestOptions, InstanceClient } from './hub.js'
export type { InstanceId, InstanceResource, InstanceTarget } from './instance-resource.js'
export type { InstancesResource } from './instances.js'
export type {
  FetchFunction,
  HookRequest,
  HookResponse,
  PlatformClientOptions,
  PlatformHooks,
  PlatformRetryOptions,
} from './options.js'
