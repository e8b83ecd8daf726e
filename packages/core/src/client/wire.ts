type WireSchemas = typeof import('../protocol/index.js')

let schemas: WireSchemas | undefined
let loading: Promise<WireSchemas> | undefined

/**
 * Loads the protocol's wire schemas, with which the client reads answers. The transport loads them
 * with ky (`loadKy`, transport.ts): no answer can arrive before they are loaded, and an
 * application that imports `@plugboard/core` does not evaluate them until its first request.
 */
export function loadWire(): Promise<WireSchemas> {
  loading ??= import('../protocol/index.js').then((module) => {
    schemas = module
    return module
  })
  return loading
}

/**
 * The wire schemas, for reading an answer: loaded by then (every answer comes through ky, which
 * is loaded with them).
 */
export function wire(): WireSchemas {
  if (schemas === undefined) {
    throw new Error('plugboard: an answer was read before the wire schemas were loaded (a bug).')
  }
  return schemas
}
