import * as v from 'valibot'

const connectorRef = /* @__PURE__ */ v.object(
  { key: /* @__PURE__ */ v.string('expected the connector key as a string') },
  'expected an object holding the connector key',
)

const configurationMap = /* @__PURE__ */ v.record(
  /* @__PURE__ */ v.string(),
  /* @__PURE__ */ v.unknown(),
  'expected an object of entries',
)

/**
 * The body of `POST /instances`, `PUT /instances/{id}` and `PATCH /instances/{id}` as the server
 * reads it: either vocabulary's connector field, every field optional (each route says what it
 * needs), unknown fields kept.
 */
export const instanceRequestSchema = /* @__PURE__ */ v.looseObject(
  {
    your_mom: /* @__PURE__ */ v.optional(connectorRef),
    element: /* @__PURE__ */ v.optional(connectorRef),
    name: /* @__PURE__ */ v.optional(
      /* @__PURE__ */ v.string('expected the instance name as a string'),
    ),
    configuration: /* @__PURE__ */ v.optional(configurationMap),
    tags: /* @__PURE__ */ v.optional(
      /* @__PURE__ */ v.array(
        /* @__PURE__ */ v.string('expected every tag to be a string'),
        'expected an array of tags',
      ),
    ),
  },
  'expected a JSON object',
)

/** The body of `PATCH /instances/{id}/configuration/{configId}`. */
export const configurationEntryRequestSchema = /* @__PURE__ */ v.looseObject(
  {
    propertyValue: /* @__PURE__ */ v.nullable(
      /* @__PURE__ */ v.union(
        [/* @__PURE__ */ v.string(), /* @__PURE__ */ v.number(), /* @__PURE__ */ v.boolean()],
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

const text = /* @__PURE__ */ v.optional(
  /* @__PURE__ */ v.pipe(
    /* @__PURE__ */ v.string(),
    /* @__PURE__ */ v.check((value) => value.trim() !== ''),
  ),
)

/** The schema of an error body (lenient: a field of another type is ignored, not fatal). */
export const errorBodySchema: v.GenericSchema<unknown, ErrorBody> = /* @__PURE__ */ v.looseObject({
  requestId: /* @__PURE__ */ v.fallback(text, undefined),
  message: /* @__PURE__ */ v.fallback(text, undefined),
  providerMessage: /* @__PURE__ */ v.fallback(text, undefined),
})
