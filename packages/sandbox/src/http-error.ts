/** An error the sandbox answers with its status and a `{requestId, message}` body. */
export class HttpError extends Error {
  /** The HTTP status to answer with. */
  readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 501

  constructor(status: HttpError['status'], message: string) {
    super(message)
    this.name = 'HttpError'
    this.status = status
  }
}
