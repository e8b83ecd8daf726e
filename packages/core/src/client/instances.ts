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
 * The calls on instances with the platform's user and organization secrets: the collection
 * (`list`, `iterate`) and, by id, every call of {@link InstanceResource}.
 *
 * @group Instances
 */
export class InstancesResource extends InstanceResource<[id: InstanceId]> {
  readonly #context: Context

  /** @internal Built by `createPlatformClient`. */
  constructor(context: Context) {
    super(context, true)
    this.#context = context
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
      { method: 'GET', path: 'instances', searchParams: listParams(query) },
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
   * Every instance, page after page (following the next-page token).
   *
   * @example
   * ```ts
   * for await (const instance of client.instances.iterate({ tags: ['billing'] })) {
   *   console.log(instance.id, instance.name)
   * }
   * ```
   */
  async *iterate(query: ListInstancesQuery = {}): AsyncGenerator<Instance, void, undefined> {
    const seen = new Set<string>()
    let nextPage = query.nextPage
    for (;;) {
      const page = await this.list({ ...query, nextPage })
      yield* page.instances
      if (page.nextPage === undefined || seen.has(page.nextPage)) return
      seen.add(page.nextPage)
      nextPage = page.nextPage
    }
  }
}
