import type { DatabaseSync, StatementSync } from 'node:sqlite'

/** One queued write: its work, and how to settle the caller's promise. */
interface Pending {
  readonly work: () => unknown
  readonly resolve: (value: unknown) => void
  readonly reject: (error: unknown) => void
}

/** What one write of a group came to. */
type Outcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: unknown }

/** The most writes one transaction takes; more wait for the next (the event loop is not held long). */
const MAX_GROUP = 128

/**
 * Group commit: writes asked for during one turn of the event loop are made in one transaction
 * (`BEGIN IMMEDIATE` … `COMMIT`), each in a savepoint of its own, and each caller's promise settles
 * only once that transaction has committed. A file database pays for every commit (its WAL frames
 * are written for each); concurrent writes that share one commit share that cost.
 *
 * - A write that throws is rolled back to its savepoint: it fails alone, the others commit. A write
 *   alone in its group needs no savepoint: its transaction is rolled back.
 * - A commit that fails rejects every write of the group: none was acknowledged, none is kept.
 * - Should SQLite end the transaction itself after a failed write, the writes made before it in
 *   the group (rolled back with it) are made again in a new transaction, never acknowledged
 *   unwritten.
 *
 * Work must be synchronous and may not open a transaction of its own with `BEGIN` (nested
 * `transaction` helpers that join an open one are fine).
 */
export class GroupCommit {
  readonly #db: DatabaseSync
  readonly #statements: Record<
    'begin' | 'commit' | 'rollback' | 'mark' | 'undo' | 'release',
    StatementSync
  >
  #queue: Pending[] = []
  #scheduled = false

  constructor(db: DatabaseSync) {
    this.#db = db
    this.#statements = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      mark: db.prepare('SAVEPOINT grouped_write'),
      undo: db.prepare('ROLLBACK TO grouped_write'),
      release: db.prepare('RELEASE grouped_write'),
    }
  }

  /** Queues `work`; the promise settles with its result once the transaction holding it commits. */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject })
      this.#schedule()
    })
  }

  /** Commits everything queued now (the store calls it before it closes). */
  flush(): void {
    while (this.#queue.length > 0) this.#next()
  }

  #schedule(): void {
    if (this.#scheduled) return
    this.#scheduled = true
    // After the poll phase: every request whose body was read in this turn has queued its write.
    setImmediate(() => {
      this.#scheduled = false
      if (this.#queue.length === 0) return
      this.#next()
      if (this.#queue.length > 0) this.#schedule()
    })
  }

  /** Commits the next group (at most {@link MAX_GROUP} writes) of the queue. */
  #next(): void {
    const again = this.#commit(this.#queue.splice(0, MAX_GROUP))
    this.#queue.unshift(...again)
  }

  /**
   * Commits a group of one without a savepoint: should it throw, rolling back the transaction
   * undoes it as a savepoint would, with two statements fewer when it does not.
   */
  #commitOne(pending: Pending): void {
    const s = this.#statements
    let value: unknown
    try {
      s.begin.run()
      value = pending.work()
      s.commit.run()
    } catch (error) {
      try {
        if (this.#db.isTransaction) s.rollback.run()
      } finally {
        // Settled whatever the rollback does: a caller never waits on a write that failed.
        pending.reject(error)
      }
      return
    }
    pending.resolve(value)
  }

  /** Commits one group and settles its promises; returns the writes to make again. */
  #commit(group: readonly Pending[]): Pending[] {
    if (group.length === 1) {
      this.#commitOne(group[0] as Pending)
      return []
    }
    const s = this.#statements
    try {
      s.begin.run()
    } catch (error) {
      for (const pending of group) pending.reject(error)
      return []
    }
    const outcomes: Outcome[] = []
    for (const [index, pending] of group.entries()) {
      s.mark.run()
      try {
        const value = pending.work()
        s.release.run()
        outcomes.push({ ok: true, value })
      } catch (error) {
        if (!this.#db.isTransaction) {
          // SQLite rolled the whole transaction back: this write fails, the rest is made again.
          pending.reject(error)
          return [...group.slice(0, index), ...group.slice(index + 1)]
        }
        s.undo.run()
        s.release.run()
        outcomes.push({ ok: false, error })
      }
    }
    try {
      s.commit.run()
    } catch (error) {
      try {
        if (this.#db.isTransaction) s.rollback.run()
      } finally {
        for (const pending of group) pending.reject(error)
      }
      return []
    }
    for (const [index, pending] of group.entries()) {
      const outcome = outcomes[index] as Outcome
      if (outcome.ok) pending.resolve(outcome.value)
      else pending.reject(outcome.error)
    }
    return []
  }
}
