// The wire schemas every call may read its answer with (an instance, a connector, an error body),
// named one by one: what `answerSchemas` (wire.ts) imports with ky, on the first request. Named,
// so that a bundler keeps these and drops the protocol entry's other schemas.

export {
  genericInstanceConfigurationSchema,
  instanceConnectorSchema,
  instanceEnvelopeSchema,
} from '../protocol/instance-schemas.js'
export { errorBodySchema } from '../protocol/request-schemas.js'
