/** A module imported on first use, and then read synchronously. */
export interface LazyModule<M> {
  /** Imports the module (once) and resolves with it. */
  load(): Promise<M>
  /** The module, once `load` has resolved: the caller loads it before it reads an answer. */
  get(): M
}

function lazyModule<M>(what: string, importer: () => Promise<M>): LazyModule<M> {
  let module: M | undefined
  let loading: Promise<M> | undefined
  return {
    load: () => {
      loading ??= importer().then((loaded) => {
        module = loaded
        return loaded
      })
      return loading
    },
    get: () => {
      if (module === undefined) {
        throw new Error(`plugboard: ${what} were read before they were loaded (a bug).`)
      }
      return module
    },
  }
}

/**
 * The wire schemas every call may read its answer with. The transport loads them with ky
 * (`loadKy`, transport.ts): no answer arrives before they are loaded, and an application that
 * imports `@plugboard/core` does not build them until its first request.
 */
export const answerSchemas: LazyModule<typeof import('./answer-schemas.js')> =
  /* @__PURE__ */ lazyModule('the answer schemas', () => import('./answer-schemas.js'))

/**
 * The wire schemas of configuration entries, events and the OAuth calls: each of those calls
 * loads them before it sends its request.
 */
export const managementSchemas: LazyModule<typeof import('./management-schemas.js')> =
  /* @__PURE__ */ lazyModule('the management schemas', () => import('./management-schemas.js'))
