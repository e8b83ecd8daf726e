import { createHmac } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { receiveWebhook } from './receive.js'
import { verifyWebhookSignature } from './signature.js'

const KEY = 'sig-KEY-receiver-4'
const sign = (body: string, key = KEY) =>
  `sha256=${createHmac('sha256', key).update(body).digest('base64')}`
const notification = JSON.stringify({
  message: {
    eventId: 'ev-9',
    instanceId: 3,
    elementKey: 'chargebee',
    events: [{ eventType: 'CREATED' }],
  },
})

/** A fetch-style request made from a node:http one, as adapters such as Hono's do. */
function toRequest(request: IncomingMessage): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers.set(name, value)
  }
  return new Request(`http://127.0.0.1${request.url}`, {
    method: request.method ?? 'POST',
    headers,
    body: Readable.toWeb(request) as ReadableStream<Uint8Array>,
    duplex: 'half',
  } as RequestInit)
}

let server: Server
let origin = ''

beforeAll(async () => {
  // Two receivers on one loopback server: a fetch-style one, and a raw-body node:http one.
  server = createServer(async (request, response) => {
    try {
      if (request.url === '/fetch-style') {
        const { webhookId, event } = await receiveWebhook(toRequest(request), {
          signatureKey: KEY,
          maxBytes: 4096,
        })
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end(JSON.stringify({ webhookId, event }))
        return
      }
      const chunks: Buffer[] = []
      for await (const chunk of request) chunks.push(chunk as Buffer)
      const raw = Buffer.concat(chunks)
      const valid = await verifyWebhookSignature(
        raw,
        request.headers['elements-webhook-signature'] as string,
        KEY,
      )
      response.writeHead(valid ? 204 : 401).end()
    } catch (error) {
      response.writeHead(400).end((error as Error).name)
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

const post = (path: string, body: string, headers: Record<string, string>) =>
  fetch(`${origin}${path}`, { method: 'POST', body, headers })

describe('receiving event callbacks over HTTP', () => {
  it('verifies and parses a signed callback in a fetch-style handler, keeping the webhook id', async () => {
    const answer = await post('/fetch-style', notification, {
      'Elements-Webhook-Signature': sign(notification),
      'elements-webhook-id': 'wh-1',
    })
    expect(answer.status).toBe(200)
    expect(await answer.json()).toMatchObject({
      webhookId: 'wh-1',
      event: {
        eventId: 'ev-9',
        instanceId: 3,
        connectorKey: 'chargebee',
        events: [{ type: 'CREATED' }],
      },
    })
  })

  it('refuses a tampered body, a wrong key, a missing header and an oversized body', async () => {
    const cases: [string, Record<string, string>, string][] = [
      [
        notification.replace('CREATED', 'DELETED'),
        { 'Elements-Webhook-Signature': sign(notification) },
        'WebhookSignatureError',
      ],
      [
        notification,
        { 'Elements-Webhook-Signature': sign(notification, 'wrong') },
        'WebhookSignatureError',
      ],
      [notification, {}, 'WebhookSignatureError'],
      [
        'x'.repeat(5000),
        { 'Elements-Webhook-Signature': sign('x'.repeat(5000)) },
        'WebhookPayloadError',
      ],
    ]
    for (const [body, headers, name] of cases) {
      const answer = await post('/fetch-style', body, headers)
      expect(answer.status).toBe(400)
      expect(await answer.text()).toBe(name)
    }
  })

  it('verifies the raw bytes in a node:http handler', async () => {
    expect(
      (await post('/raw', notification, { 'Elements-Webhook-Signature': sign(notification) }))
        .status,
    ).toBe(204)
    expect(
      (
        await post('/raw', `${notification}\n`, {
          'Elements-Webhook-Signature': sign(notification),
        })
      ).status,
    ).toBe(401)
  })
})
