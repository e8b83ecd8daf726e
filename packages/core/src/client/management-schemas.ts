// The wire schemas only some management calls read their answer with (configuration entries,
// events, the OAuth calls): what `managementSchemas` (wire.ts) imports when one of those calls is
// first made, so that a bundle of a client that only provisions leaves them out.

export { instanceEventListSchema, instanceEventSchema } from '../protocol/event-schemas.js'
export { configurationEntrySchema } from '../protocol/instance-schemas.js'
export { oauthUrlAnswerSchema, requestTokenAnswerSchema } from '../protocol/oauth-schemas.js'
