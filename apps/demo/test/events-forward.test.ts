import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { verifyWebhookSignature } from '@plugboard/core/events'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CliProcess, startCli } from './cli-process.js'
import { cliRun } from './run-cli.js'

// `events listen --forward-to`: the listener verifies each callback, then passes the same bytes
// and the signature and webhook id headers on to the application's handler (here a loopback
// server), answering the platform with the handler's status. The platform is the embedded
// sandbox of each command (`--db`), as for a user who starts no `sandbox`.

const KEY = 'sig-KEY-forward-test-31d7'
const env = { FORWARD_TEST_KEY: KEY }

interface Forwarded {
  readonly path: string
  readonly headers: IncomingHttpHeaders
  readonly body: Buffer
}

/** A loopback handler: records each request, answers with `status()`. */
function startHandler(status: () => number) {
  const received: Forwarded[] = []
  const waiters: ((request: Forwarded) => void)[] = []
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const forwarded = {
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks),
      }
      received.push(forwarded)
      waiters.shift()?.(forwarded)
      response.writeHead(status()).end()
    })
  })
  return {
    received,
    /** The next request (or one already received and not yet taken). */
    next: (taken: number) =>
      new Promise<Forwarded>((resolve) => {
        const request = received[taken]
        if (request !== undefined) resolve(request)
        else waiters.push(resolve)
      }),
    listening: new Promise<string>((resolve) =>
      server.listen(0, '127.0.0.1', () =>
        resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`),
      ),
    ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

describe('events listen --forward-to, on the embedded sandbox', () => {
  let folder: string
  let handlerStatus = 202
  const handler = startHandler(() => handlerStatus)
  let listener: CliProcess
  let callbackUrl: string
  const cliArgs = (args: readonly string[]) => ['--db', join(folder, 'sandbox.db'), ...args]

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'plugboard-forward-'))
    const hook = await handler.listening
    listener = startCli(
      [
        'events',
        'listen',
        '--json',
        '--signature-key-env',
        'FORWARD_TEST_KEY',
        '--forward-to',
        hook,
      ],
      env,
    )
    const first = await listener.line((line) => line.startsWith('{"url"'))
    callbackUrl = (JSON.parse(first) as { url: string }).url
    const provisioned = await cliRun(
      cliArgs([
        'provision',
        'chargebee',
        '--set',
        'site=acme-fwd',
        '--set',
        'username=k',
        '--json',
      ]),
    )
    expect(provisioned.stderr).toBe('')
    const enabled = await cliRun(
      cliArgs([
        'events',
        'enable',
        '1',
        '--callback-url',
        callbackUrl,
        '--signature-key-env',
        'FORWARD_TEST_KEY',
      ]),
      env,
    )
    expect(enabled.stderr).toBe('')
  })
  afterAll(async () => {
    listener?.kill('SIGINT')
    await listener?.exited
    await handler.close()
    rmSync(folder, { recursive: true, force: true })
  })

  it('forwards the verified raw body with its signature and webhook id; the trigger sees it delivered', async () => {
    const triggered = await cliRun(
      cliArgs(['events', 'trigger', '1', 'customers', 'cus_fwd', '--type', 'DELETED', '--json']),
    )
    expect(triggered.stderr).toBe('')
    const result = JSON.parse(triggered.stdout) as { eventId: string; status: string }
    expect(result.status).toBe('NOTIFIED')

    const forwarded = await handler.next(0)
    expect(forwarded.path).toBe('/hook')
    expect(forwarded.headers['content-type']).toBe('application/json')
    const signature = forwarded.headers['elements-webhook-signature']
    expect(typeof signature).toBe('string')
    expect(await verifyWebhookSignature(forwarded.body, signature as string, KEY)).toBe(true)
    expect(await verifyWebhookSignature(forwarded.body, signature as string, 'other')).toBe(false)
    const body = JSON.parse(forwarded.body.toString('utf8')) as { message: { eventId: string } }
    expect(body.message.eventId).toBe(result.eventId)

    const line = await listener.line((text) => text.includes(result.eventId))
    const reported = JSON.parse(line) as {
      webhookId: string
      verified: boolean
      forwarded: { status: number }
    }
    expect(reported).toMatchObject({ verified: true, forwarded: { status: 202 } })
    expect(forwarded.headers['elements-webhook-id']).toBe(reported.webhookId)
  })

  it("passes the handler's failure back: the event is sent again, in order, until the handler takes it", async () => {
    handlerStatus = 500
    const taken = handler.received.length
    const failing = await cliRun(cliArgs(['events', 'trigger', '1', 'customers', 'cus_bad']))
    expect(failing.code).toBe(0)
    expect(failing.stdout).toContain('the delivery failed (the callback URL answered 500)')
    expect(failing.stdout).toContain('retries it the next time')

    // The handler recovers. The next command's sandbox retries cus_bad, then sends cus_ok: an
    // instance's events go out one at a time, in the order recorded.
    handlerStatus = 202
    const next = await cliRun(cliArgs(['events', 'trigger', '1', 'customers', 'cus_ok']))
    expect(next.stdout).toContain('delivered to the callback URL')

    const objectOf = (request: Forwarded) =>
      (JSON.parse(request.body.toString('utf8')) as { message: { events: { objectId: string }[] } })
        .message.events[0]?.objectId
    const sent = handler.received.slice(taken)
    expect(sent.map(objectOf).at(-1)).toBe('cus_ok')
    const retries = sent.slice(0, -1)
    expect(retries.length).toBeGreaterThanOrEqual(2)
    expect(new Set(retries.map(objectOf))).toEqual(new Set(['cus_bad']))
    expect(new Set(retries.map((request) => request.headers['elements-webhook-id'])).size).toBe(1)

    const listed = await cliRun(cliArgs(['events', 'list', '1', '--json']))
    const events = JSON.parse(listed.stdout) as {
      status: string
      attempts: number
      objects: { objectId: string }[]
    }[]
    const bad = events.find((event) => event.objects[0]?.objectId === 'cus_bad')
    expect(bad?.status).toBe('NOTIFIED')
    expect(bad?.attempts).toBe(retries.length)
    expect(events.at(-1)).toMatchObject({ status: 'NOTIFIED', objects: [{ objectId: 'cus_ok' }] })
  })
})
