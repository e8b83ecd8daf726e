import type { DatabaseSync, StatementSync } from 'node:sqlite'
import type { SecretVault } from '../secrets-at-rest.js'
import {
  type BindingRow,
  type GrantRow,
  mint,
  randomDigits,
  SCHEMA,
  type SealedRequest,
  same,
} from './grant-rows.js'
import type { CallbackValue, OAuthFlow } from './kind.js'

/** Who a grant is for: the organization, the connector, the OAuth app and its callback URL. */
export interface GrantBinding {
  readonly organization: string
  readonly connectorKey: string
  readonly apiKey: string
  readonly apiSecret: string
  readonly callbackUrl: string
}

/** The optional parameters of an authorisation request. */
export interface RequestParameters {
  readonly state?: string | undefined
  readonly scope?: string | undefined
  readonly siteAddress?: string | undefined
  readonly requestToken?: string | undefined
}

/** What the consent page shows of a pending request (nothing secret). */
export interface ConsentView {
  readonly connectorKey: string
  readonly flow: OAuthFlow
  readonly scope?: string | undefined
  readonly siteAddress?: string | undefined
}

/** A refusal, in the vendor's words (`error: description`), and whether it is the client's secret. */
export interface GrantProblem {
  readonly problem: string
}

/**
 * The stand-in vendor's memory, in the sandbox's database: pending consent requests, OAuth 1.0a
 * request tokens, and the codes and verifiers it issued. Codes, verifiers, request tokens and the
 * app's key, secret and callback URL are kept as keyed digests only; what must be given back in
 * clear (the callback URL, `state`) is sealed (AES-256-GCM). Every row expires `lifetimeMs` after
 * it was made; a code or verifier is single-use.
 */
export class OAuthGrants {
  readonly #db: DatabaseSync
  readonly #vault: SecretVault
  readonly #now: () => number
  readonly #lifetimeMs: number
  readonly #statements = new Map<string, StatementSync>()

  constructor(db: DatabaseSync, vault: SecretVault, now: () => number, lifetimeMs: number) {
    this.#db = db
    this.#vault = vault
    this.#now = now
    this.#lifetimeMs = lifetimeMs
    db.exec(SCHEMA)
  }

  #run(sql: string): StatementSync {
    let statement = this.#statements.get(sql)
    if (statement === undefined) {
      statement = this.#db.prepare(sql)
      this.#statements.set(sql, statement)
    }
    return statement
  }

  #digest(kind: string, value: string): Buffer {
    return this.#vault.digest(`${kind}\u0000${value}`)
  }

  #binding(binding: GrantBinding) {
    return [
      binding.organization,
      binding.connectorKey,
      this.#digest('client', binding.apiKey),
      this.#digest('secret', binding.apiSecret),
      this.#digest('callback', binding.callbackUrl),
    ] as const
  }

  /** Forgets what has expired (used codes are kept until then, to tell a replay). */
  #prune(now: number): void {
    for (const table of ['oauth_requests', 'oauth_request_tokens', 'oauth_grants']) {
      this.#run(`DELETE FROM ${table} WHERE expires_at <= ?`).run(now)
    }
  }

  /** OAuth 1.0a: a new request token and its secret, bound to the app and callback. */
  issueRequestToken(binding: GrantBinding): { token: string; secret: string } {
    const now = this.#now()
    this.#prune(now)
    const token = mint()
    const secret = mint()
    this.#run(
      `INSERT INTO oauth_request_tokens (token_hash, token_secret_hash, organization, connector_key, client_hash, secret_hash, callback_hash, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      this.#digest('token', token),
      this.#digest('token-secret', secret),
      ...this.#binding(binding),
      now + this.#lifetimeMs,
    )
    return { token, secret }
  }

  /** Why a request token cannot start an authorisation for `binding`, if it cannot. */
  checkRequestToken(binding: GrantBinding, token: string): GrantProblem | undefined {
    const row = this.#run(
      'SELECT organization, connector_key, client_hash, secret_hash, callback_hash, expires_at FROM oauth_request_tokens WHERE token_hash = ?',
    ).get(this.#digest('token', token)) as BindingRow | undefined
    const [organization, connectorKey, client, secret, callback] = this.#binding(binding)
    if (row === undefined || row.organization !== organization || row.expires_at <= this.#now()) {
      return { problem: 'the request token is unknown or has expired' }
    }
    if (row.connector_key !== connectorKey)
      return { problem: 'the request token was issued for another connector' }
    if (!same(row.client_hash, client) || !same(row.secret_hash, secret)) {
      return { problem: 'the request token was issued to another apiKey or apiSecret' }
    }
    if (!same(row.callback_hash, callback))
      return { problem: 'the request token was issued for another callbackUrl' }
    return undefined
  }

  /** Records a pending authorisation request; returns its id (the consent page's `request`). */
  openRequest(
    binding: GrantBinding,
    flow: OAuthFlow,
    parameters: RequestParameters,
    callbackValues: readonly CallbackValue[],
  ): string {
    const now = this.#now()
    this.#prune(now)
    const id = mint()
    const sealed: SealedRequest = {
      callbackUrl: binding.callbackUrl,
      ...parameters,
      callbackValues: callbackValues.map((value) => value.parameter),
    }
    this.#run(
      `INSERT INTO oauth_requests (id_hash, flow, organization, connector_key, client_hash, secret_hash, callback_hash, request_token_hash, sealed, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      this.#digest('request', id),
      flow,
      ...this.#binding(binding),
      parameters.requestToken === undefined ? null : this.#digest('token', parameters.requestToken),
      this.#vault.seal(JSON.stringify(sealed)),
      now + this.#lifetimeMs,
    )
    return id
  }

  #request(id: string): BindingRow | undefined {
    const row = this.#run(
      'SELECT flow, organization, connector_key, client_hash, secret_hash, callback_hash, request_token_hash, sealed, expires_at FROM oauth_requests WHERE id_hash = ?',
    ).get(this.#digest('request', id)) as BindingRow | undefined
    return row === undefined || row.expires_at <= this.#now() ? undefined : row
  }

  /** What the consent page shows of a pending request; `undefined` when unknown or expired. */
  viewRequest(id: string): ConsentView | undefined {
    const row = this.#request(id)
    if (row === undefined) return undefined
    const sealed = JSON.parse(this.#vault.open(row.sealed)) as SealedRequest
    return {
      connectorKey: row.connector_key,
      flow: row.flow as OAuthFlow,
      scope: sealed.scope,
      siteAddress: sealed.siteAddress,
    }
  }

  /**
   * Answers a pending request (once: it is then forgotten) and returns where to send the user:
   * the callback URL with `code` (1.0a: `oauth_token`, `oauth_verifier` and the connector's
   * callback values) and `state`, or with `error=access_denied`. `undefined` when the request is
   * unknown, expired or already answered.
   */
  decide(id: string, allow: boolean): URL | undefined {
    const now = this.#now()
    const idHash = this.#digest('request', id)
    return this.transaction(() => {
      const row = this.#request(id)
      if (row === undefined) return undefined
      this.#run('DELETE FROM oauth_requests WHERE id_hash = ?').run(idHash)
      const request = JSON.parse(this.#vault.open(row.sealed)) as SealedRequest
      const target = new URL(request.callbackUrl)
      const set = (name: string, value: string) => target.searchParams.set(name, value)
      if (!allow) {
        set('error', 'access_denied')
        if (request.state !== undefined) set('state', request.state)
        return target
      }
      const values: Record<string, string> = {}
      for (const parameter of request.callbackValues) values[parameter] = randomDigits(16)
      let tokenSecretHash: Uint8Array | null = null
      if (row.flow === 'oauth1') {
        const token = this.#run(
          'DELETE FROM oauth_request_tokens WHERE token_hash = ? AND expires_at > ? RETURNING token_secret_hash',
        ).get(row.request_token_hash, now) as { token_secret_hash: Uint8Array } | undefined
        if (token === undefined) return undefined
        tokenSecretHash = token.token_secret_hash
      }
      const code = mint()
      this.#run(
        `INSERT INTO oauth_grants (code_hash, flow, organization, connector_key, client_hash, secret_hash, callback_hash, request_token_hash, token_secret_hash, sealed, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        this.#digest('code', code),
        row.flow,
        row.organization,
        row.connector_key,
        row.client_hash,
        row.secret_hash,
        row.callback_hash,
        row.request_token_hash,
        tokenSecretHash,
        this.#vault.seal(JSON.stringify(values)),
        now + this.#lifetimeMs,
      )
      if (row.flow === 'oauth1') {
        set('oauth_token', request.requestToken ?? '')
        set('oauth_verifier', code)
      } else {
        set('code', code)
      }
      for (const [name, value] of Object.entries(values)) set(name, value)
      if (request.state !== undefined) set('state', request.state)
      return target
    })
  }

  /**
   * Redeems a code (2.0) or a verifier with its request token and token secret (1.0a), once:
   * returns the callback values it was issued with, or why the vendor refuses it.
   */
  redeem(
    binding: GrantBinding,
    code: string,
    oauth1?: { readonly token: string; readonly secret: string },
  ): Readonly<Record<string, string>> | GrantProblem {
    const now = this.#now()
    const codeHash = this.#digest('code', code)
    const row = this.#run('SELECT * FROM oauth_grants WHERE code_hash = ?').get(codeHash) as
      | GrantRow
      | undefined
    const [organization, connectorKey, client, secret, callback] = this.#binding(binding)
    const what = oauth1 === undefined ? 'code' : 'verifier'
    if (row === undefined || row.organization !== organization) {
      return { problem: `invalid_grant: the ${what} is unknown (never issued, or long expired)` }
    }
    if (row.used_at !== null) return { problem: `invalid_grant: the ${what} was already used` }
    if (row.expires_at <= now) return { problem: `invalid_grant: the ${what} has expired` }
    if (row.connector_key !== connectorKey)
      return { problem: `invalid_grant: the ${what} was issued for another connector` }
    if (!same(row.client_hash, client))
      return { problem: `invalid_client: the ${what} was issued to another apiKey` }
    if (!same(row.secret_hash, secret))
      return { problem: 'invalid_client: the apiSecret does not match the OAuth app' }
    if (!same(row.callback_hash, callback)) {
      return { problem: `invalid_grant: the ${what} was issued for another callback URL` }
    }
    if (oauth1 !== undefined) {
      if (!same(row.request_token_hash, this.#digest('token', oauth1.token)))
        return { problem: 'invalid_grant: the verifier belongs to another request token' }
      if (!same(row.token_secret_hash, this.#digest('token-secret', oauth1.secret)))
        return { problem: 'invalid_grant: the request token secret does not match' }
    }
    const used = this.#run(
      'UPDATE oauth_grants SET used_at = ? WHERE code_hash = ? AND used_at IS NULL',
    ).run(now, codeHash)
    if (Number(used.changes) === 0)
      return { problem: `invalid_grant: the ${what} was already used` }
    return JSON.parse(this.#vault.open(row.sealed)) as Record<string, string>
  }

  /**
   * Runs `work` in a transaction (`BEGIN IMMEDIATE`), or inside the one already open: what it
   * throws rolls everything back (a code redeemed for an instance that is not written stays unused).
   */
  transaction<T>(work: () => T): T {
    if (this.#db.isTransaction) return work()
    this.#db.exec('BEGIN IMMEDIATE')
    try {
      const result = work()
      this.#db.exec('COMMIT')
      return result
    } catch (error) {
      this.#db.exec('ROLLBACK')
      throw error
    }
  }
}
