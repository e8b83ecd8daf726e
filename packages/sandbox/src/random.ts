import { randomBytes } from 'node:crypto'

/** How many 32-byte draws one call to the system's random source serves. */
const DRAWS_PER_FILL = 256

let pool = randomBytes(0)
let offset = 0

/**
 * 32 cryptographically random bytes, served from a pool that is refilled with
 * `randomBytes(32 * 256)` when it runs out (one call to the system's source per 256 draws instead of
 * one per draw). Every draw is a distinct slice: no byte is ever handed out twice. A refill
 * allocates a new pool, so a slice stays valid after later draws.
 */
export function random32(): Buffer {
  if (offset + 32 > pool.length) {
    pool = randomBytes(32 * DRAWS_PER_FILL)
    offset = 0
  }
  const slice = pool.subarray(offset, offset + 32)
  offset += 32
  return slice
}
