/** The response header that carries the token of the next page of `GET /instances`. */
export const NEXT_PAGE_HEADER = 'elements-next-page-token'

/** How the platform shows a secret configuration value in its answers (and plugboard redacts one). */
export const MASK = '********'

/**
 * The statuses that say the same call may succeed later. One table: the client's retry policy
 * repeats idempotent requests on exactly these, and `PlatformError.isRetryable` answers from it.
 */
export const RETRYABLE_STATUSES: readonly number[] = [408, 425, 429, 500, 502, 503, 504]

/** Whether an answer with `status` may succeed if the same call is made again. */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.includes(status)
}
