import { MASK } from '../protocol/facts.js'
import { ChunkTrie } from './chunk-trie.js'

/** Replaces known secrets in a text with the protocol's mask. */
export type Redactor = (text: string) => string

/**
 * How many values a client remembers to redact (tokens and secret values it has sent or seen),
 * each with its URL-encoded form. Past it, the value remembered longest ago is forgotten first;
 * the client's own secrets are never forgotten.
 *
 * @group Provisioning
 */
export const MAX_REMEMBERED_SECRETS = 100_000

/**
 * The most characters the remembered values and their URL-encoded forms may hold together
 * (16 Mi: 100,000 tokens of the platform's size take about 10 Mi). Past it, the oldest go first.
 *
 * @group Provisioning
 */
export const MAX_REMEMBERED_CHARACTERS = 16 * 1024 * 1024

/**
 * The shortest value remembered for later calls. A shorter value (`'true'`, `'us'`) is redacted
 * from the errors of the call that sent it, but remembering it would mask that word everywhere.
 *
 * @group Provisioning
 */
export const MIN_REMEMBERED_LENGTH = 6

/**
 * How many remembered values may wait to be indexed. Remembering is on every call's path and
 * reading the index only on an error's: values are indexed in batches, or at once when read.
 */
const PENDING_LIMIT = 1024

/**
 * The secrets to redact, indexed so that redacting a text costs one pass over the text, not one
 * pass per secret. Bounded: see {@link MAX_REMEMBERED_SECRETS} and
 * {@link MAX_REMEMBERED_CHARACTERS}.
 */
export class SecretIndex {
  /** Every value and URL-encoded form indexed. */
  readonly #values = new Set<string>()
  /** Each value remembered → the turn it was last remembered in. */
  readonly #remembered = new Map<string, number>()
  /** Values in the order remembered, with their turn: the oldest first, from `#head` on. */
  #queue: { value: string; turn: number }[] = []
  #head = 0
  #turn = 0
  /**
   * The values, filed by their 8-character chunks: scanning a text costs a few lookups per
   * position, whatever the number of values remembered and whatever prefix they share.
   */
  readonly #trie = new ChunkTrie()
  /** Pinned values: never forgotten. */
  readonly #pinned = new Set<string>()
  readonly #maxValues: number
  readonly #maxCharacters: number
  #characters = 0
  /** Values remembered and not indexed yet, in the order remembered. */
  #pending: string[] = []

  constructor(
    maxValues: number = MAX_REMEMBERED_SECRETS,
    maxCharacters: number = MAX_REMEMBERED_CHARACTERS,
  ) {
    this.#maxValues = maxValues
    this.#maxCharacters = maxCharacters
  }

  /** How many values are indexed (a value and its URL-encoded form count one each). */
  get size(): number {
    this.#flush()
    return this.#values.size
  }

  /** Remembers the client's own secrets: never forgotten, whatever their length. */
  pin(secret: string): void {
    if (secret === '') return
    for (const form of forms(secret)) {
      this.#pinned.add(form)
      this.#add(form)
    }
  }

  /**
   * Remembers a token or secret value for later calls (values shorter than
   * {@link MIN_REMEMBERED_LENGTH} are not kept). A value remembered again counts as new.
   */
  remember(secret: string | null | undefined): void {
    if (typeof secret !== 'string' || secret.length < MIN_REMEMBERED_LENGTH) return
    this.#pending.push(secret)
    if (this.#pending.length >= PENDING_LIMIT) this.#flush()
  }

  /** Indexes the values waiting, in the order they were remembered. */
  #flush(): void {
    if (this.#pending.length === 0) return
    const pending = this.#pending
    this.#pending = []
    for (const secret of pending) this.#index(secret)
    this.#evict()
  }

  #index(secret: string): void {
    if (this.#pinned.has(secret)) return
    const turn = ++this.#turn
    // Remembered again, it moves to the back of the queue: its older place is skipped.
    this.#remembered.set(secret, turn)
    this.#queue.push({ value: secret, turn })
    for (const form of forms(secret)) this.#add(form)
  }

  /** Whether `value` is indexed (for tests). */
  has(value: string): boolean {
    this.#flush()
    return this.#values.has(value)
  }

  /**
   * A redactor for this index plus `extra` secrets (those of one request, whatever their length).
   * Each match is masked, the longest one where several start at the same place.
   */
  redactor(extra: Iterable<string | null | undefined> = []): Redactor {
    const own = new SecretIndex(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY)
    for (const secret of extra) if (typeof secret === 'string') own.pin(secret)
    const indexes = own.size === 0 ? [this] : [this, own]
    return (text) => {
      this.#flush()
      return redact(text, indexes)
    }
  }

  /** The longest indexed value that starts at `at` in `text`, or 0. */
  matchAt(text: string, at: number): number {
    return this.#trie.longestAt(text, at)
  }

  #add(value: string): void {
    if (this.#values.has(value)) return
    this.#values.add(value)
    this.#characters += value.length
    this.#trie.add(value)
  }

  #remove(value: string): void {
    this.#values.delete(value)
    this.#characters -= value.length
    this.#trie.delete(value)
  }

  #evict(): void {
    while (this.#remembered.size > this.#maxValues || this.#characters > this.#maxCharacters) {
      const oldest = this.#queue[this.#head]
      if (oldest === undefined) return
      this.#head += 1
      if (this.#remembered.get(oldest.value) !== oldest.turn) continue
      this.#remembered.delete(oldest.value)
      for (const form of forms(oldest.value)) if (!this.#pinned.has(form)) this.#remove(form)
    }
    const queued = this.#queue.length - this.#head
    if (queued > 2 * this.#remembered.size + 1024) {
      // Values remembered again and again leave older places behind: drop them.
      this.#queue = this.#queue
        .slice(this.#head)
        .filter((entry) => this.#remembered.get(entry.value) === entry.turn)
      this.#head = 0
    } else if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head)
      this.#head = 0
    }
  }
}

/** A secret and its URL-encoded form (when different). */
function forms(secret: string): string[] {
  const encoded = encodeURIComponent(secret)
  return encoded === secret ? [secret] : [secret, encoded]
}

/** One pass over `text`: at each place, the longest secret of any index that starts there. */
function redact(text: string, indexes: readonly SecretIndex[]): string {
  let result = ''
  let copied = 0
  for (let at = 0; at < text.length; ) {
    let length = 0
    for (const index of indexes) length = Math.max(length, index.matchAt(text, at))
    if (length === 0) {
      at += 1
      continue
    }
    result += text.slice(copied, at) + MASK
    at += length
    copied = at
  }
  return copied === 0 ? text : result + text.slice(copied)
}

/**
 * Builds a redactor for the given secrets: each non-empty secret (and its URL-encoded form) is
 * replaced wherever it occurs, the longest first where several start at the same place.
 *
 * @example
 * ```ts
 * const redact = createRedactor(['s3cret'])
 * redact('bad secret s3cret') // 'bad secret ********'
 * ```
 */
export function createRedactor(secrets: Iterable<string | null | undefined>): Redactor {
  return new SecretIndex(0, 0).redactor(secrets)
}
