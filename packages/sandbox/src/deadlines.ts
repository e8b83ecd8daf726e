/** One watched deadline. */
interface Watch {
  readonly at: number
  readonly onExpire: () => void
}

/**
 * Deadlines of one length, all served by one timer: a deadline costs an entry in a set, not a
 * timer of its own. Deadlines of one length expire in the order they were set, so the timer only
 * ever waits for the oldest one still watched. While none is watched the timer does not keep
 * the process alive.
 */
export class Deadlines {
  readonly #ms: number
  readonly #pending = new Set<Watch>()
  #timer: NodeJS.Timeout | undefined

  /** Deadlines `ms` milliseconds after each {@link Deadlines.watch} call. */
  constructor(ms: number) {
    this.#ms = ms
  }

  /**
   * Calls `onExpire` `ms` milliseconds from now unless the returned cancel function is called
   * first.
   */
  watch(onExpire: () => void): () => void {
    const entry: Watch = { at: performance.now() + this.#ms, onExpire }
    this.#pending.add(entry)
    if (this.#timer === undefined) this.#arm(this.#ms)
    else this.#timer.ref()
    return () => {
      this.#pending.delete(entry)
      if (this.#pending.size === 0) this.#timer?.unref()
    }
  }

  #arm(delay: number): void {
    this.#timer = setTimeout(() => this.#expire(), delay)
  }

  #expire(): void {
    this.#timer = undefined
    const now = performance.now()
    for (const entry of this.#pending) {
      if (entry.at > now) {
        if (this.#timer === undefined) this.#arm(Math.max(1, Math.ceil(entry.at - now)))
        return
      }
      this.#pending.delete(entry)
      entry.onExpire()
    }
  }
}
