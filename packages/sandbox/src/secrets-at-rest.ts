import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  type KeyObject,
  randomBytes,
} from 'node:crypto'
import {
  chmodSync,
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  statSync,
  writeSync,
} from 'node:fs'
import { MASK } from '@plugboard/core/protocol'
import { randomDraw } from './random.js'
import type { StoredConfiguration } from './store-types.js'

/**
 * The environment variable that may hold the key sealing secret configuration values at rest:
 * 32 bytes, base64. Without it, a file database's key lives in a key file beside it,
 * `<database>.key`.
 */
export const SANDBOX_KEY_ENV = 'PLUGBOARD_SANDBOX_KEY'

const KEY_BYTES = 32
const IV_BYTES = 12
const TAG_BYTES = 16
/** The format byte, the IV and the tag, before the ciphertext. */
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES
const FORMAT = 1
const AAD = Buffer.from('plugboard-sandbox/configuration/v1')

/** The key file of a database file: the database path with `.key` appended. */
export function keyFilePath(database: string): string {
  return `${database}.key`
}

/** Whether a database location names a file (not `:memory:`, an empty name or a `file:` URI). */
export function isFileDatabase(location: string): boolean {
  return location !== ':memory:' && location !== '' && !location.startsWith('file:')
}

const checksModes = process.platform !== 'win32'

/**
 * Creates `path` with mode 0600 when it is missing, and takes the group's and others' access
 * away from it (and from its `-wal` and `-shm` files) when they have some.
 */
export function restrictFile(path: string): void {
  closeSync(openSync(path, 'a', 0o600))
  if (!checksModes) return
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (!existsSync(file)) continue
    const mode = statSync(file).mode & 0o777
    if ((mode & 0o077) !== 0) chmodSync(file, mode & 0o700)
  }
}

function parseKey(text: string, origin: string): Buffer {
  const trimmed = text.trim()
  const key = Buffer.from(trimmed, 'base64')
  if (key.length !== KEY_BYTES || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) {
    throw new Error(
      `${origin} must hold ${KEY_BYTES} bytes, base64-encoded (the key is not shown).`,
    )
  }
  return key
}

/** Where {@link resolveKey} looks for the key. */
export interface KeySource {
  /** The database location. */
  readonly database: string
  /** A key given in code: 32 bytes, or their base64. */
  readonly key?: string | Uint8Array | undefined
  /** The environment to read {@link SANDBOX_KEY_ENV} from. */
  readonly env: Readonly<Record<string, string | undefined>>
  /** Whether a missing key file may be created (false once the database holds sealed values). */
  readonly mayCreate: boolean
}

/**
 * The key that seals secret configuration values: the given one, else {@link SANDBOX_KEY_ENV},
 * else (for a file database) the key file beside it, created 0600 with a random key when the
 * database has none yet; a memory database gets a random key. Errors never show a key.
 */
export function resolveKey(source: KeySource): Buffer {
  if (source.key !== undefined) {
    if (typeof source.key === 'string') return parseKey(source.key, 'The encryption key')
    if (source.key.length !== KEY_BYTES) {
      throw new Error(`The encryption key must be ${KEY_BYTES} bytes.`)
    }
    return Buffer.from(source.key)
  }
  const fromEnv = source.env[SANDBOX_KEY_ENV]
  if (fromEnv !== undefined && fromEnv !== '') return parseKey(fromEnv, SANDBOX_KEY_ENV)
  if (source.database.startsWith('file:')) {
    throw new Error(
      `A file: URI database gets no key file: give the key with the encryptionKey option or ${SANDBOX_KEY_ENV}.`,
    )
  }
  if (!isFileDatabase(source.database)) return randomBytes(KEY_BYTES)
  const path = keyFilePath(source.database)
  if (!existsSync(path)) {
    if (!source.mayCreate) {
      throw new Error(
        `The database ${source.database} holds sealed secrets but its key file ${path} is missing: restore it, or set ${SANDBOX_KEY_ENV}.`,
      )
    }
    const key = randomBytes(KEY_BYTES)
    try {
      const fd = openSync(path, 'wx', 0o600)
      try {
        writeSync(fd, `${key.toString('base64')}\n`)
      } finally {
        closeSync(fd)
      }
      return key
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
  if (checksModes) {
    const mode = statSync(path).mode & 0o777
    if ((mode & 0o077) !== 0) {
      throw new Error(
        `The key file ${path} can be read by other users (mode ${mode.toString(8).padStart(4, '0')}): run chmod 600 on it.`,
      )
    }
  }
  return parseKey(readFileSync(path, 'utf8'), `The key file ${path}`)
}

/**
 * A configuration split for storage: the JSON text (secrets replaced) and one sealed value holding
 * the secrets and the instance's token.
 */
export interface PackedConfiguration {
  readonly text: string
  /** The sealed secrets and token (see {@link SecretVault.pack}); `null` when there are neither. */
  readonly sealed: Buffer | null
  /**
   * The secrets in clear, what `sealed` opens to (`null` when there are none): kept in memory
   * only, so that the writer can answer with the record it wrote without opening it again.
   */
  readonly secrets: StoredConfiguration | null
}

/** What an instance row's sealed values open to. */
export interface OpenedSecrets {
  /** The configuration's secret values, `null` for none. */
  readonly secrets: StoredConfiguration | null
  /** The instance's token, when the row holds one. */
  readonly token: string | undefined
}

function isSecrets(value: unknown): value is StoredConfiguration | null {
  return (
    value === null ||
    (typeof value === 'object' &&
      !Array.isArray(value) &&
      Object.values(value as object).every((entry) => typeof entry === 'string'))
  )
}

/**
 * Seals secret configuration values with AES-256-GCM (a fresh 12-byte IV each time, the 16-byte
 * tag checked on open). The stored JSON keeps every key in place, a secret's value replaced by
 * `********`; the secrets themselves are one sealed JSON object beside it.
 */
export class SecretVault {
  // Key objects, made once: given raw bytes, every cipher and HMAC would prepare a key of its own.
  readonly #key: KeyObject
  readonly #digestKey: KeyObject
  readonly #secretKeys: (connectorKey: string) => ReadonlySet<string>

  constructor(key: Buffer, secretKeys: (connectorKey: string) => ReadonlySet<string>) {
    this.#key = createSecretKey(key)
    this.#digestKey = createSecretKey(
      createHmac('sha256', this.#key).update('plugboard-sandbox/digest/v1').digest(),
    )
    this.#secretKeys = secretKeys
  }

  /**
   * A keyed digest of text (HMAC-SHA256 under a key derived from the sealing key): what the
   * database keeps of a secret it only ever compares (OAuth codes, verifiers, client secrets).
   */
  digest(text: string): Buffer {
    return createHmac('sha256', this.#digestKey).update(text, 'utf8').digest()
  }

  /** Seals text: format byte, IV, tag, ciphertext. */
  seal(text: string): Buffer {
    // From the pool: a fresh, never repeated IV without a call to the system's source each time.
    const iv = randomDraw(IV_BYTES)
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv).setAAD(AAD)
    const body = cipher.update(text, 'utf8')
    const rest = cipher.final()
    // Written into one buffer, every byte of it: no intermediate copies.
    const sealed = Buffer.allocUnsafe(HEADER_BYTES + body.length + rest.length)
    sealed[0] = FORMAT
    iv.copy(sealed, 1)
    cipher.getAuthTag().copy(sealed, 1 + IV_BYTES)
    body.copy(sealed, HEADER_BYTES)
    rest.copy(sealed, HEADER_BYTES + body.length)
    return sealed
  }

  /** Opens what {@link SecretVault.seal} made; throws when the key or the bytes are wrong. */
  open(sealed: Uint8Array): string {
    const bytes = Buffer.from(sealed)
    if (bytes[0] !== FORMAT || bytes.length < HEADER_BYTES) {
      throw new Error('A sealed value in the database is not in a format this sandbox knows.')
    }
    const iv = bytes.subarray(1, 1 + IV_BYTES)
    const tag = bytes.subarray(1 + IV_BYTES, HEADER_BYTES)
    const decipher = createDecipheriv('aes-256-gcm', this.#key, iv).setAAD(AAD).setAuthTag(tag)
    const body = bytes.subarray(HEADER_BYTES)
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')
  }

  /**
   * Splits a configuration of `connectorKey` into stored JSON and one sealed value: the JSON array
   * `[token, secrets]` (each `null` when absent), so that a row costs one cipher, not one for its
   * secrets and one for its token. Rows of schema version 4 and before hold the secrets object
   * alone there, and the token in a column of its own: {@link SecretVault.openRow} reads both.
   */
  pack(
    connectorKey: string,
    configuration: StoredConfiguration,
    token?: string | undefined,
  ): PackedConfiguration {
    const secrets = this.#secretKeys(connectorKey)
    const open: StoredConfiguration = {}
    let hidden: StoredConfiguration | null = null
    // Over the keys, not Object.entries: no pair array per entry (every provision packs).
    for (const key of Object.keys(configuration)) {
      const value = configuration[key] as string | null
      if (value !== null && secrets.has(key)) {
        open[key] = MASK
        hidden ??= {}
        hidden[key] = value
      } else {
        open[key] = value
      }
    }
    return {
      text: JSON.stringify(open),
      sealed:
        hidden === null && token === undefined
          ? null
          : this.seal(JSON.stringify([token ?? null, hidden])),
      secrets: hidden,
    }
  }

  /**
   * Opens an instance row's sealed values: `sealed` in either format {@link SecretVault.pack}
   * describes, and `sealedToken`, the token's own sealed value in rows of schema version 4 and
   * before (`null` otherwise).
   */
  openRow(sealed: Uint8Array | null, sealedToken: Uint8Array | null): OpenedSecrets {
    let secrets: StoredConfiguration | null = null
    let token: string | undefined
    if (sealed !== null) {
      const value: unknown = JSON.parse(this.open(sealed))
      if (Array.isArray(value)) {
        const [bundled, hidden] = value as unknown[]
        if (value.length !== 2 || !(bundled === null || typeof bundled === 'string')) {
          unknownFormat()
        }
        token = bundled ?? undefined
        secrets = isSecrets(hidden) ? hidden : unknownFormat()
      } else {
        secrets = isSecrets(value) ? value : unknownFormat()
      }
    }
    if (sealedToken !== null) token ??= this.open(sealedToken)
    return { secrets, token }
  }

  /**
   * Joins stored JSON and the secrets in clear ({@link OpenedSecrets.secrets} or
   * {@link PackedConfiguration.secrets}) back into the configuration.
   */
  join(text: string, secrets: StoredConfiguration | null): StoredConfiguration {
    const configuration = JSON.parse(text) as StoredConfiguration
    if (secrets !== null) Object.assign(configuration, secrets)
    return configuration
  }
}

function unknownFormat(): never {
  throw new Error('A sealed value in the database is not in a format this sandbox knows.')
}
