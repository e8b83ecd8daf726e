import type { Context, MiddlewareHandler } from 'hono'
import { Deadlines } from './deadlines.js'
import { HttpError } from './http-error.js'

/** Options of {@link bodyReader}. */
export interface BodyReaderOptions {
  /** The largest body read; a larger one is answered 413. */
  readonly maxBytes: number
  /** How long the whole body may take to arrive; past it the answer is 408. */
  readonly timeoutMs: number
  /** Called (with the request id) when the client goes away before its body has arrived whole. */
  readonly onClientAbort?: ((requestId: string) => void) | undefined
}

/** Answers that close the connection: the rest of the body is not worth reading. */
const CLOSE = { connection: 'close' } as const

/** The bodies {@link bodyReader} has read, by request: routes read them from memory. */
const bodies = new WeakMap<Context, Buffer>()

/** Decodes like `Request.text()`: UTF-8, a leading byte order mark dropped, bad bytes replaced. */
const utf8 = new TextDecoder()

/**
 * The request body as text: the one {@link bodyReader} has read (from memory), else read from the
 * request now.
 */
export function bodyText(c: Context): Promise<string> {
  const bytes = bodies.get(c)
  return bytes === undefined ? c.req.text() : Promise.resolve(utf8.decode(bytes))
}

type ReadOutcome =
  | { readonly kind: 'done'; readonly bytes: Buffer }
  | { readonly kind: 'too-large' | 'timeout' | 'aborted' }

const TIMEOUT: ReadOutcome = { kind: 'timeout' }
const ABORTED: ReadOutcome = { kind: 'aborted' }

/**
 * Reads a body whose size is known to be within the limit (a declared `Content-Length`, which
 * Node's HTTP parser holds the body to) in one piece: the Node server's request reads it straight
 * from the socket, without a web stream.
 */
function readDeclared(raw: Request, deadlines: Deadlines): Promise<ReadOutcome> {
  return new Promise((resolve) => {
    // Once the deadline has won, the pending read settles when the connection closes: ignored.
    const cancel = deadlines.watch(() => resolve(TIMEOUT))
    raw.arrayBuffer().then(
      (buffer) => {
        cancel()
        resolve({ kind: 'done', bytes: Buffer.from(buffer) })
      },
      () => {
        cancel()
        resolve(ABORTED)
      },
    )
  })
}

/** Reads a body of unknown size chunk by chunk, stopping as soon as it passes `maxBytes`. */
async function readWithin(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
  deadlines: Deadlines,
): Promise<ReadOutcome> {
  const reader = body.getReader()
  let expire: (outcome: 'timeout') => void = () => {}
  const expired = new Promise<'timeout'>((resolve) => {
    expire = resolve
  })
  const cancel = deadlines.watch(() => expire('timeout'))
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const read = reader.read()
      // Once the deadline has won, the pending read settles when the connection closes: ignore it.
      read.catch(() => {})
      const step = await Promise.race([read, expired])
      if (step === 'timeout') return TIMEOUT
      if (step.done) return { kind: 'done', bytes: Buffer.concat(chunks, size) }
      size += step.value.byteLength
      if (size > maxBytes) return { kind: 'too-large' }
      chunks.push(step.value)
    }
  } catch {
    return ABORTED
  } finally {
    cancel()
  }
}

/**
 * Reads every request body up front (GET and HEAD bodies are ignored), before any route looks at
 * the database: at most `maxBytes` (413; a declared `Content-Length` past it is refused unread),
 * within `timeoutMs` of the request's start (408). Both answers close the connection. A client
 * that hangs up mid-body is reported to `onClientAbort` and answered 400 (which nobody reads),
 * never treated as a failure of the sandbox. Routes then read the body from memory, with
 * {@link bodyText}.
 */
export function bodyReader(options: BodyReaderOptions): MiddlewareHandler {
  // One timer for every body being read, however many: a deadline is an entry in a set.
  const deadlines = new Deadlines(options.timeoutMs)
  const tooLarge = () =>
    new HttpError(413, `The request body is larger than ${options.maxBytes} bytes.`, CLOSE)
  return async (c, next) => {
    const method = c.req.method
    if (method === 'GET' || method === 'HEAD') return next()
    const raw = c.req.raw
    const length = c.req.header('content-length')
    const declared =
      length !== undefined && c.req.header('transfer-encoding') === undefined
        ? Number.parseInt(length, 10)
        : Number.NaN
    if (declared > options.maxBytes) throw tooLarge()
    // Checked only now: asking a Node server's request for its stream makes it build one.
    if (!(declared >= 0) && raw.body === null) return next()
    const outcome =
      declared >= 0
        ? await readDeclared(raw, deadlines)
        : await readWithin(raw.body as ReadableStream<Uint8Array>, options.maxBytes, deadlines)
    switch (outcome.kind) {
      case 'done':
        // A Request made in process may carry a Content-Length that its body does not keep to.
        if (outcome.bytes.byteLength > options.maxBytes) throw tooLarge()
        bodies.set(c, outcome.bytes)
        return next()
      case 'too-large':
        throw tooLarge()
      case 'timeout':
        throw new HttpError(
          408,
          `The request body did not arrive within ${options.timeoutMs} ms.`,
          CLOSE,
        )
      case 'aborted':
        options.onClientAbort?.(c.get('requestId') as string)
        throw new HttpError(400, 'The request body ended before it was complete.', CLOSE)
    }
  }
}
