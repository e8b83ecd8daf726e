import { createHmac } from 'node:crypto'
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { InvalidArgumentError } from '../index.js'
import { signWebhookBody, verifyWebhookSignature } from './signature.js'
import { WebhookSignatureError } from './webhook-errors.js'

const KEY = 'sig-KEY-s3cr3t-9q'
const BODY = '{"message":{"eventId":"ev-1","instanceId":12,"events":[{"eventType":"UPDATED"}]}}'
/** The platform's signature, computed independently of the code under test. */
const expected = `sha256=${createHmac('sha256', KEY).update(BODY).digest('base64')}`

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  )
}

describe('signWebhookBody', () => {
  it('writes sha256= and the base64 of HMAC-SHA256(body, key)', async () => {
    expect(await signWebhookBody(BODY, KEY)).toBe(expected)
    expect(await signWebhookBody(new TextEncoder().encode(BODY), KEY)).toBe(expected)
  })
})

describe('verifyWebhookSignature', () => {
  it('accepts the signature of the exact body, as text or bytes', async () => {
    expect(await verifyWebhookSignature(BODY, expected, KEY)).toBe(true)
    expect(await verifyWebhookSignature(new TextEncoder().encode(BODY), expected, KEY)).toBe(true)
    expect(await verifyWebhookSignature(new TextEncoder().encode(BODY).buffer, expected, KEY)).toBe(
      true,
    )
    expect(
      await verifyWebhookSignature(BODY, ` ${expected.replace('sha256', 'SHA256')} `, KEY),
    ).toBe(true)
  })

  it('refuses a tampered body and a signature made with another key', async () => {
    expect(await verifyWebhookSignature(BODY.replace('UPDATED', 'DELETED'), expected, KEY)).toBe(
      false,
    )
    expect(await verifyWebhookSignature(`${BODY} `, expected, KEY)).toBe(false)
    expect(await verifyWebhookSignature(BODY, expected, 'another-key')).toBe(false)
  })

  it('gives a typed error for a missing header, naming neither the key nor the value', async () => {
    for (const header of [null, undefined, '', '   ']) {
      const error = await failure(verifyWebhookSignature(BODY, header, KEY))
      expect(WebhookSignatureError.isInstance(error)).toBe(true)
      expect((error as WebhookSignatureError).failure).toBe('missing')
    }
  })

  it('gives a typed error for a header that is not sha256=<base64 of 32 bytes>', async () => {
    const digest = expected.slice('sha256='.length)
    for (const header of [
      digest,
      `sha1=${digest}`,
      'sha256=',
      'sha256=not base64!',
      `sha256=${digest.slice(0, -4)}`,
      `sha256=${digest}AAAA`,
      `${expected},${expected}`,
    ]) {
      const error = await failure(verifyWebhookSignature(BODY, header, KEY))
      expect(WebhookSignatureError.isInstance(error), header).toBe(true)
      expect((error as WebhookSignatureError).failure).toBe('malformed')
      expect(`${String(error)} ${inspect(error)}`).not.toContain(KEY)
      expect(`${String(error)} ${inspect(error)}`).not.toContain(digest)
    }
  })

  it('refuses an empty key as a programming error', async () => {
    const error = await failure(verifyWebhookSignature(BODY, expected, ''))
    expect(InvalidArgumentError.isInstance(error)).toBe(true)
  })
})
