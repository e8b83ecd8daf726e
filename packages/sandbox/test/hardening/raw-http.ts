import { connect, type Socket } from 'node:net'

/** A parsed HTTP answer read off a raw socket. */
export interface RawAnswer {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

/**
 * Test support: one HTTP/1.1 connection spoken by hand, for requests a fetch client cannot send
 * (bodies that arrive late, stop partway or never end). Everything received is kept; waits are
 * on events (data, close), never on time.
 */
export class RawConnection {
  readonly #socket: Socket
  #received = Buffer.alloc(0)
  #closed = false
  readonly #waiters = new Set<() => void>()
  /** Settles when the connection is closed, by either side. */
  readonly closed: Promise<void>

  private constructor(socket: Socket) {
    this.#socket = socket
    socket.on('data', (chunk: Buffer) => {
      this.#received = Buffer.concat([this.#received, chunk])
      this.#wake()
    })
    this.closed = new Promise((resolve) => {
      socket.once('close', () => {
        this.#closed = true
        this.#wake()
        resolve()
      })
    })
    // A reset from the server is an ordinary end here; the caller looks at what was received.
    socket.on('error', () => {})
  }

  /** Connects to a loopback port. */
  static open(port: number, host = '127.0.0.1'): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port, host })
      socket.once('connect', () => {
        socket.off('error', reject)
        resolve(new RawConnection(socket))
      })
      socket.once('error', reject)
    })
  }

  #wake(): void {
    for (const waiter of this.#waiters) waiter()
  }

  /** Everything received so far, as text. */
  get text(): string {
    return this.#received.toString('utf8')
  }

  /** Whether the connection is closed. */
  get isClosed(): boolean {
    return this.#closed
  }

  /** Sends bytes (ignored once the connection is closed). */
  write(data: string | Uint8Array): void {
    if (!this.#socket.destroyed) this.#socket.write(data)
  }

  /** Sends FIN: the request is over from this side. */
  end(): void {
    this.#socket.end()
  }

  /** Drops the connection at once. */
  destroy(): void {
    this.#socket.destroy()
  }

  /** Resolves once the received text satisfies `test`; rejects if the connection closes first. */
  until(test: (text: string) => boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (test(this.text)) {
          this.#waiters.delete(check)
          resolve()
        } else if (this.#closed) {
          this.#waiters.delete(check)
          reject(new Error(`connection closed before the expected data; received: ${this.text}`))
        }
      }
      this.#waiters.add(check)
      check()
    })
  }

  /**
   * Resolves once one whole final (non-1xx) answer has arrived, and parses it (`headOnly`: the
   * answer to a HEAD request, which has no body whatever its headers say).
   */
  async answer(headOnly = false): Promise<RawAnswer> {
    let parsed: RawAnswer | undefined
    await this.until((text) => {
      parsed = parseAnswer(text, headOnly)
      return parsed !== undefined
    })
    return parsed as RawAnswer
  }

  /** The first final answer, or `undefined` when the connection closes without a whole one. */
  async answerOrClose(headOnly = false): Promise<RawAnswer | undefined> {
    try {
      return await this.answer(headOnly)
    } catch {
      return undefined
    }
  }
}

/** Parses the first final answer in `text` (skipping 1xx), or `undefined` while it is incomplete. */
export function parseAnswer(text: string, headOnly = false): RawAnswer | undefined {
  let rest = text
  for (;;) {
    const end = rest.indexOf('\r\n\r\n')
    if (end < 0) return undefined
    const head = rest.slice(0, end).split('\r\n')
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head[0] ?? '')?.[1])
    const afterHead = rest.slice(end + 4)
    if (status >= 100 && status < 200) {
      rest = afterHead
      continue
    }
    const headers: Record<string, string> = {}
    for (const line of head.slice(1)) {
      const colon = line.indexOf(':')
      if (colon > 0)
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
    }
    if (headOnly || status === 204 || status === 304) return { status, headers, body: '' }
    const length = headers['content-length']
    if (length !== undefined) {
      const bytes = Buffer.from(afterHead, 'utf8')
      if (bytes.length < Number(length)) return undefined
      return { status, headers, body: bytes.subarray(0, Number(length)).toString('utf8') }
    }
    if (headers['transfer-encoding']?.includes('chunked')) {
      const body = dechunk(afterHead)
      return body === undefined ? undefined : { status, headers, body }
    }
    return { status, headers, body: afterHead }
  }
}

function dechunk(text: string): string | undefined {
  let rest = Buffer.from(text, 'utf8')
  const parts: Buffer[] = []
  for (;;) {
    const line = rest.indexOf('\r\n')
    if (line < 0) return undefined
    const size = Number.parseInt(rest.subarray(0, line).toString('latin1'), 16)
    if (Number.isNaN(size)) return undefined
    if (size === 0) return Buffer.concat(parts).toString('utf8')
    if (rest.length < line + 2 + size + 2) return undefined
    parts.push(rest.subarray(line + 2, line + 2 + size))
    rest = rest.subarray(line + 2 + size + 2)
  }
}

/** The head of a request, with `content-length` for `body` unless `headers` sets one. */
export function requestHead(
  method: string,
  path: string,
  headers: Readonly<Record<string, string>>,
): string {
  const lines = [`${method} ${path} HTTP/1.1`, 'host: 127.0.0.1']
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`)
  return `${lines.join('\r\n')}\r\n\r\n`
}
