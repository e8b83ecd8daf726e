import type { Result, Router } from 'hono/router'
import { TrieRouter } from 'hono/router/trie-router'

/** How many matches are remembered at most; past it the memory starts afresh. */
const REMEMBERED_MATCHES = 1024
/** Longer paths are matched every time, so a client cannot make the memory large. */
const REMEMBERED_PATH_LENGTH = 256

/**
 * Hono's tree router, remembering what each method and path matched. Hono's faster RegExpRouter
 * refuses the sandbox's routes: a literal segment beside a parameter at the same place (e.g.
 * `/elements/keys` and `/elements/:key`, `/instances/configuration` and `/instances/:id{[0-9]+}`,
 * the hub calls' `/:resource/*` beside every route), which the platform's paths need. The routes
 * are fixed once the app is built, so a match depends only on the method and the path: a client
 * that repeats a request (`POST /instances`) skips the tree walk. The match is shared, as Hono's
 * RegExpRouter shares its matches of static paths; nothing writes to it.
 */
export class RememberingRouter<T> implements Router<T> {
  readonly name = 'RememberingRouter'
  readonly #router = new TrieRouter<T>()
  readonly #matches = new Map<string, Result<T>>()

  /** Adds a route (before the first match, as for every Hono router). */
  add(method: string, path: string, handler: T): void {
    this.#router.add(method, path, handler)
  }

  /** The handlers and parameters of `method` on `path`. */
  match(method: string, path: string): Result<T> {
    if (path.length > REMEMBERED_PATH_LENGTH) return this.#router.match(method, path)
    const key = `${method} ${path}`
    let result = this.#matches.get(key)
    if (result === undefined) {
      result = this.#router.match(method, path)
      if (this.#matches.size >= REMEMBERED_MATCHES) this.#matches.clear()
      this.#matches.set(key, result)
    }
    return result
  }
}
