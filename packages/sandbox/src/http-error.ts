/** An error the sandbox answers with its status and a `{requestId, message}` body. */
export class HttpError extends Error {
  /** The HTTP status to answer with. */
  readonly status: 400 | 401 | 403 | 404 | 405 | 408 | 409 | 413 | 415 | 501 | 503
  /** Headers to answer with besides the usual ones (`Retry-After`, `Connection: close`). */
  readonly headers: Readonly<Record<string, string>>
  /** The vendor's own words, answered as `providerMessage` (the platform relays them so). */
  readonly providerMessage: string | undefined

  constructor(
    status: HttpError['status'],
    message: string,
    headers: Readonly<Record<string, string>> = {},
    providerMessage?: string,
  ) {
    super(message)
    this.name = 'HttpError'
    this.status = status
    this.headers = headers
    this.providerMessage = providerMessage
  }
}
