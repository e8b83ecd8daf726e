import type { Context, Handler, Hono } from 'hono'
import { HttpError } from '../http-error.js'
import type { SandboxEnv } from './kit.js'

/** The methods a resource may serve. */
export type ResourceMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** Answers 405 naming the method and the path: the one place a method is refused. */
export function methodNotAllowed(c: Context): never {
  throw new HttpError(405, `Method ${c.req.method} is not allowed on ${c.req.path}.`)
}

/**
 * Serves `path` on `router` with a handler per method; every other method answers 405. Each
 * route of the sandbox is declared this way, so a path and its methods are listed once.
 */
export function resource(
  router: Hono<SandboxEnv>,
  path: string,
  handlers: Partial<Record<ResourceMethod, Handler<SandboxEnv>>>,
): void {
  for (const [method, handler] of Object.entries(handlers)) router.on(method, path, handler)
  router.all(path, methodNotAllowed)
}
