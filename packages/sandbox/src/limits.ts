import { MAX_BODY_BYTES, PAGE_SIZE } from './constants.js'

/**
 * The sizes the sandbox accepts, so that no request can make an answer, or the work behind one,
 * grow without bound. Past a limit the sandbox answers 400 (413 for the body) with a message that
 * names the limit. Sizes are UTF-8 bytes.
 */
export const SANDBOX_LIMITS = Object.freeze({
  /** The largest request body: 1 MiB (413 past it). */
  bodyBytes: MAX_BODY_BYTES,
  /** The longest instance name, as sent: 512 bytes. */
  nameBytes: 512,
  /** The most tags one instance may carry: 64. */
  tagCount: 64,
  /** The longest tag: 256 bytes. */
  tagBytes: 256,
  /** The longest configuration key: 256 bytes. */
  configurationKeyBytes: 256,
  /** The longest configuration value, once stored as text: 4096 bytes. */
  configurationValueBytes: 4096,
  /** The largest `pageSize` of `GET /instances` (a larger one is lowered to it): 1000. */
  pageSize: PAGE_SIZE.max,
  /**
   * The most JSON text one page of `GET /instances` holds: 4 MiB. A page stops early (with a
   * next-page token) rather than grow past it; a page always holds at least one instance.
   */
  pageBytes: 4 * 1024 * 1024,
})

/** How long a request body may take to arrive, by default, before the sandbox answers 408: 10 s. */
export const DEFAULT_BODY_TIMEOUT_MS = 10_000

/**
 * How long one database statement waits for another connection's write lock before the sandbox
 * gives up and answers 503 with `Retry-After`. `node:sqlite` waits synchronously, holding the
 * whole server, so the wait is kept short.
 */
export const BUSY_TIMEOUT_MS = 25

/** The `Retry-After` (seconds) of the 503 answered while another connection holds the database. */
export const BUSY_RETRY_AFTER_SECONDS = 1
