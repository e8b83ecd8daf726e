import { randomBytes } from 'node:crypto'
import type { RequestParameters } from './grants.js'

/** The stand-in vendor's tables (created when missing, beside the instances). */
export const SCHEMA = `CREATE TABLE IF NOT EXISTS oauth_requests (
  id_hash BLOB PRIMARY KEY,
  flow TEXT NOT NULL,
  organization TEXT NOT NULL,
  connector_key TEXT NOT NULL,
  client_hash BLOB NOT NULL,
  secret_hash BLOB NOT NULL,
  callback_hash BLOB NOT NULL,
  request_token_hash BLOB,
  sealed BLOB NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS oauth_request_tokens (
  token_hash BLOB PRIMARY KEY,
  token_secret_hash BLOB NOT NULL,
  organization TEXT NOT NULL,
  connector_key TEXT NOT NULL,
  client_hash BLOB NOT NULL,
  secret_hash BLOB NOT NULL,
  callback_hash BLOB NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS oauth_grants (
  code_hash BLOB PRIMARY KEY,
  flow TEXT NOT NULL,
  organization TEXT NOT NULL,
  connector_key TEXT NOT NULL,
  client_hash BLOB NOT NULL,
  secret_hash BLOB NOT NULL,
  callback_hash BLOB NOT NULL,
  request_token_hash BLOB,
  token_secret_hash BLOB,
  sealed BLOB NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);`

export interface BindingRow {
  flow: string
  organization: string
  connector_key: string
  client_hash: Uint8Array
  secret_hash: Uint8Array
  callback_hash: Uint8Array
  request_token_hash: Uint8Array | null
  sealed: Uint8Array
  expires_at: number
}

export interface GrantRow extends BindingRow {
  token_secret_hash: Uint8Array | null
  used_at: number | null
}

export interface SealedRequest extends RequestParameters {
  readonly callbackUrl: string
  /** The callback's extra values the vendor adds (e.g. `realmId`). */
  readonly callbackValues: readonly string[]
}

/** A random value for the vendor to hand out: 32 bytes, base64url. */
export function mint(): string {
  return randomBytes(32).toString('base64url')
}

export function same(a: Uint8Array | null, b: Uint8Array | null): boolean {
  return a !== null && b !== null && Buffer.compare(a, b) === 0
}

/** `count` random decimal digits, the first not 0 (a vendor's account id, e.g. `realmId`). */
export function randomDigits(count: number): string {
  const bytes = randomBytes(count)
  return Array.from(bytes, (byte, index) => (index === 0 ? 1 + (byte % 9) : byte % 10)).join('')
}
