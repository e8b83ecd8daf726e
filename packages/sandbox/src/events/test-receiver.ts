import { once } from 'node:events'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** Test support: one callback a {@link startTestReceiver} received. */
export interface ReceivedCallback {
  readonly body: string
  readonly signature: string | undefined
  readonly webhookId: string | undefined
}

/**
 * Test support: a loopback receiver of event callbacks that records each one and answers the
 * statuses it is given (200 once they run out). `hold()` makes it keep the next answer back until
 * `release()`, so a test can act while a delivery is in flight.
 */
export async function startTestReceiver(statuses: number[] = []) {
  const received: ReceivedCallback[] = []
  let held: (() => void)[] | undefined
  let arrived: (() => void) | undefined
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    received.push({
      body: Buffer.concat(chunks).toString('utf8'),
      signature: request.headers['elements-webhook-signature'] as string | undefined,
      webhookId: request.headers['elements-webhook-id'] as string | undefined,
    })
    const answer = () => response.writeHead(statuses.shift() ?? 200).end()
    if (held === undefined) answer()
    else held.push(answer)
    arrived?.()
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`,
    received,
    /** Keeps answers back from now on; resolves when the next callback has arrived. */
    hold(): Promise<void> {
      held = []
      return new Promise((resolve) => {
        arrived = resolve
      })
    },
    /** Sends the answers kept back, and answers at once again. */
    release(): void {
      const waiting = held ?? []
      held = undefined
      arrived = undefined
      for (const answer of waiting) answer()
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
