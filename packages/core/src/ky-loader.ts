import type { KyInstance, Options } from 'ky'

type KyModule = typeof import('ky')

let loading: Promise<KyModule> | undefined

/**
 * Loads ky on first use. Importing ky makes Node set up its fetch implementation (some 20 ms at
 * start-up); an application that imports plugboard to define or look up connectors, or only
 * provisions later, should not pay that when it starts.
 */
export function loadKy(): Promise<KyModule> {
  loading ??= import('ky')
  return loading
}

/** A ky instance created on first use, with the given options. */
export function lazyKy(options: Options): () => Promise<KyInstance> {
  let instance: Promise<KyInstance> | undefined
  return () => {
    instance ??= loadKy().then((ky) => ky.default.create(options))
    return instance
  }
}

/** A lazily created ky instance extended with more options (e.g. an instance's header). */
export function extendLazyKy(
  parent: () => Promise<KyInstance>,
  options: Options,
): () => Promise<KyInstance> {
  let instance: Promise<KyInstance> | undefined
  return () => {
    instance ??= parent().then((api) => api.extend(options))
    return instance
  }
}
