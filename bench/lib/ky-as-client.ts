/**
 * ky configured exactly as the plugboard client configures it (packages/core/src/client/
 * transport.ts and request.ts), without plugboard's own code: the same `ky.create` options (the
 * Authorization, Accept and User-Agent headers, per-attempt and total timeouts, manual redirects,
 * the retry object), the never-retrying instance POST goes through, an absolute URL, the JSON
 * body as an object, and ky's timed body read (`.text()`) followed by `JSON.parse`. What it
 * leaves out is plugboard's work: argument and configuration checks, the redirect and size guard
 * around fetch, error mapping, redaction and the parsing of the answer into an instance.
 */
import corePackage from '@plugboard/core/package.json' with { type: 'json' }
import { RETRYABLE_STATUSES } from '@plugboard/core/protocol'
import ky from 'ky'

/** What a provisioning through ky alone needs. */
export interface KyAsClientOptions {
  /** The API root, with a trailing slash. */
  readonly baseUrl: string
  /** The Authorization header the client would send. */
  readonly authorization: string
  /** A fetch to use instead of the global one (P1c's canned answer). */
  readonly fetch?: typeof globalThis.fetch
}

/** Provisions the instance `body` describes through ky alone; returns the answer's token. */
export type KyProvision = (body: object) => Promise<string>

/** ky set up like the client's transport; the returned function posts like `client.provision`. */
export function kyAsClient(options: KyAsClientOptions): KyProvision {
  const statuses = [...RETRYABLE_STATUSES]
  const retried = ky.create({
    timeout: 10_000,
    totalTimeout: 30_000,
    redirect: 'manual',
    retry: {
      limit: 2,
      backoffLimit: 10_000,
      maxRetryAfter: 60_000,
      methods: ['get', 'put', 'head', 'delete'],
      statusCodes: statuses,
      afterStatusCodes: statuses,
    },
    headers: {
      authorization: options.authorization,
      accept: 'application/json',
      'user-agent': `plugboard/${corePackage.version}`,
    },
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  })
  const once = retried.extend({ retry: 0 })
  const url = `${options.baseUrl}instances`
  return async (body) => {
    const text = await once(url, { method: 'POST', json: body }).text()
    const instance = JSON.parse(text) as { token?: unknown }
    if (typeof instance.token !== 'string') throw new Error('ky provisioning gave no token')
    return instance.token
  }
}
