import { PageLimitError } from '../errors/client-limit-errors.js'
import type { Instance, InstancePage, ListInstancesQuery } from '../instance.js'
import { NEXT_PAGE_HEADER } from '../protocol/facts.js'
import { type Context, checkStrings } from './context.js'
import { type InstanceId, InstanceResource } from './instance-resource.js'
import { invalid } from './options.js'
import { parseInstances } from './parse.js'
import { request } from './request.js'

function listParams(query: ListInstancesQuery): URLSearchParams {
  const params = new URLSearchParams()
  if (query.tags !== undefined) {
    for (const tag of checkStrings('tags', query.tags)) params.append('tags[]', tag)
  }
  if (query.searchText !== undefined) params.set('searchText', String(query.searchText))
  if (query.pageSize !== undefined) {
    if (!Number.isInteger(query.pageSize) || query.pageSize < 1) {
      invalid('pageSize', 'pageSize must be a positive integer.')
    }
    params.set('pageSize', String(query.pageSize))
  }
  if (query.nextPage !== undefined && query.nextPage !== '') {
    params.set('nextPage', String(query.nextPage))
  }
  return params
}

/**
 * The most pages one `iterate()` reads by default: 1,000 pages (a million instances at the
 * sandbox's largest page size).
 *
 * @group Instances
 */
export const DEFAULT_MAX_PAGES = 1000

/**
 * The options of `iterate()`.
 *
 * @group Instances
 */
export interface IterateOptions {
  /**
   * The most pages to read. Past it, while the platform still names a next page, the iteration
   * ends with a `PageLimitError`. Default {@link DEFAULT_MAX_PAGES}.
   */
  readonly maxPages?: number | undefined
}

/**
 * The calls on instances with the platform's user and organization secrets: the collection
 * (`list`, `iterate`) and, by id, every call of {@link InstanceResource}.
 *
 * @group Instances
 */
export class InstancesResource extends InstanceResource<[id: InstanceId]> {
  readonly #context: Context
  readonly #prefix: string

  /**
   * @internal Built by `createPlatformClient`; `prefix` (`elements/{keyOrId}/`) scopes every call
   * to one connector's instances.
   */
  constructor(context: Context, prefix = '') {
    super(context, true, prefix)
    this.#context = context
    this.#prefix = prefix
  }

  /**
   * One page of instances (`GET /instances`).
   *
   * @example
   * ```ts
   * const first = await client.instances.list({ tags: ['billing'], pageSize: 50 })
   * const second = first.nextPage ? await client.instances.list({ nextPage: first.nextPage }) : undefined
   * ```
   */
  async list(query: ListInstancesQuery = {}): Promise<InstancePage> {
    const context = this.#context
    return request(
      context.transport,
      { method: 'GET', path: `${this.#prefix}instances`, searchParams: listParams(query) },
      (body, answer): InstancePage => {
        const instances: Instance[] = parseInstances(body, {
          request: answer.request,
          vocabulary: context.vocabulary,
          resolve: context.resolve,
        })
        const nextPage = answer.headers.get(NEXT_PAGE_HEADER) ?? ''
        return nextPage.trim() === '' ? { instances } : { instances, nextPage }
      },
    )
  }

  /**
   * Every instance, page after page (following the next-page token). Stops with a
   * {@link PageLimitError} after `maxPages` pages (default {@link DEFAULT_MAX_PAGES}) when the
   * platform still names a next page. A next-page token already followed ends the iteration.
   *
   * @example
   * ```ts
   * for await (const instance of client.instances.iterate({ tags: ['billing'] })) {
   *   console.log(instance.id, instance.name)
   * }
   * ```
   */
  async *iterate(
    query: ListInstancesQuery = {},
    options: IterateOptions = {},
  ): AsyncGenerator<Instance, void, undefined> {
    const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES
    if (!Number.isSafeInteger(maxPages) || maxPages < 1) {
      invalid('maxPages', 'maxPages must be a positive integer.')
    }
    const seen = new Set<string>()
    let nextPage = query.nextPage
    for (let pages = 1; ; pages++) {
      const page = await this.list({ ...query, nextPage })
      yield* page.instances
      if (page.nextPage === undefined || seen.has(page.nextPage)) return
      if (pages >= maxPages) {
        throw new PageLimitError({ request: { method: 'GET', path: '/instances' }, maxPages })
      }
      seen.add(page.nextPage)
      nextPage = page.nextPage
    }
  }
}
