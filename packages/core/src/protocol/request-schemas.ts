import * as v from 'valibot'

const connectorRef = v.object(
  { key: v.string('expected the connector key as a string') },
  'expected an object holding the connector key',
)

const configurationMap = v.record(v.string(), v.unknown(), 'expected an object of entries')

/**
 * The body of `POST /instances`, `PUT /instances/{id}` and `PATCH /instances/{id}` as the server
 * reads it: either vocabulary's connector field, every field optional (each route says what it
 * needs), unknown fields kept.
 */
export const instanceRequestSchema = v.looseObject(
  {
    your_mom: v.optional(connectorRef),
    element: v.optional(connectorRef),
    name: v.optional(v.string('expected the instance name as a string')),
    configuration: v.optional(configurationMap),
    tags: v.optional(
      v.array(v.string('expected every tag to be a string'), 'expected an array of tags'),
    ),
  },
  'expected a JSON object',
)

/** The body of `PATCH /instances/{id}/configuration/{configId}`. */
export const configurationEntryRequestSchema = v.looseObject(
  {
    propertyValue: v.nullable(
      v.union(
        [v.string(), v.number(), v.boolean()],
        'expected propertyValue to be a string, number, boolean or null',
      ),
    ),
  },
  'expected a JSON object with a propertyValue',
)

/** The platform's error body: `{ requestId, message }`, and the vendor's message when relayed. */
export interface ErrorBody {
  /** The platform's request id, for support. */
  readonly requestId?: string | undefined
  /** What went wrong, in words. */
  readonly message?: string | undefined
  /** The vendor's own message, when the platform relayed one. */
  readonly providerMessage?: string | undefined
}

const text = v.optional(
  v.pipe(
    v.string(),
    v.check((value) => value.trim() !== ''),
  ),
)

/** The schema of an error body (lenient: a field of another type is ignored, not fatal). */
export const errorBodySchema: v.GenericSchema<unknown, ErrorBody> = v.looseObject({
  requestId: v.fallback(text, undefined),
  message: v.fallback(text, undefined),
  providerMessage: v.fallback(text, undefined),
})
