import { randomBytes } from 'node:crypto'

/** How many bytes one call to the system's random source fills. */
const POOL_BYTES = 32 * 256

let pool = randomBytes(0)
let offset = 0

/**
 * `size` cryptographically random bytes (at most 256), served from a pool that is refilled with
 * `randomBytes(8192)` when it runs out (one call to the system's source per many draws instead of
 * one per draw). Every draw is a distinct slice: no byte is ever handed out twice. A refill
 * allocates a new pool, so a slice stays valid after later draws.
 */
export function randomDraw(size: number): Buffer {
  if (!Number.isInteger(size) || size < 1 || size > 256) {
    throw new RangeError('randomDraw: size must be an integer from 1 to 256')
  }
  if (offset + size > pool.length) {
    pool = randomBytes(POOL_BYTES)
    offset = 0
  }
  const slice = pool.subarray(offset, offset + size)
  offset += size
  return slice
}

/** 32 cryptographically random bytes from the pool of {@link randomDraw}. */
export function random32(): Buffer {
  return randomDraw(32)
}
