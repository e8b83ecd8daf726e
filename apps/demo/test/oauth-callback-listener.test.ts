import { describe, expect, it } from 'vitest'
import { listenForCallback, parseCallbackUrl } from '../src/oauth/callback-listener.js'
import { readOAuthOptions } from '../src/oauth/options.js'
import { freePort } from './ports.js'

describe('the OAuth callback listener', () => {
  it('listens on 127.0.0.1 and hands over the first callback, answering the browser after', async () => {
    const listener = await listenForCallback()
    try {
      expect(listener.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/)
      const other = await fetch(new URL('/favicon.ico', listener.url))
      expect(other.status).toBe(404)
      const answered = fetch(`${listener.url}?code=c0de&state=s7`)
      const callback = await listener.received
      expect(callback.params.get('code')).toBe('c0de')
      expect(callback.params.get('state')).toBe('s7')
      callback.reply('refused', 'Access <denied>.')
      const page = await answered
      expect(page.status).toBe(400)
      const html = await page.text()
      expect(html).toContain('Access &lt;denied&gt;.')
      expect(html).not.toContain('c0de')
      expect((await fetch(`${listener.url}?code=again`)).status).toBe(409)
    } finally {
      await listener.close()
    }
    await expect(fetch(listener.url)).rejects.toThrow()
  })

  it('listens on the host, port and path of --callback-url', async () => {
    const port = await freePort()
    const listener = await listenForCallback(
      parseCallbackUrl(`http://localhost:${port}/oauth/back`),
    )
    try {
      expect(listener.url).toBe(`http://localhost:${port}/oauth/back`)
      const answered = fetch(`http://127.0.0.1:${port}/oauth/back?error=access_denied`)
      const callback = await listener.received
      expect(callback.params.get('error')).toBe('access_denied')
      callback.reply('authorised', 'done')
      expect((await answered).status).toBe(200)
    } finally {
      await listener.close()
    }
  })

  it('answers a browser still waiting when it closes', async () => {
    const listener = await listenForCallback()
    const answered = fetch(`${listener.url}?code=x`)
    await listener.received
    await listener.close()
    expect((await answered).status).toBe(503)
  })

  it('names a taken port', async () => {
    const first = await listenForCallback()
    try {
      await expect(listenForCallback(parseCallbackUrl(first.url))).rejects.toThrow(
        /port is taken \(give another --callback-url\)/,
      )
    } finally {
      await first.close()
    }
  })

  it('takes only a loopback http URL with a port for --callback-url', () => {
    expect(() => parseCallbackUrl('https://app.example.com/callback')).toThrow(
      /loopback interface .* got https:\/\/app\.example\.com/,
    )
    expect(() => parseCallbackUrl('http://127.0.0.1/callback')).toThrow(/needs a port/)
    expect(() => parseCallbackUrl('not a url')).toThrow(/absolute URL/)
    expect(parseCallbackUrl('http://[::1]:8765/cb').port).toBe('8765')
  })
})

describe('the OAuth options', () => {
  it('reads --timeout as whole seconds and refuses anything else', () => {
    expect(readOAuthOptions({ timeout: '90', 'no-browser': true })).toMatchObject({
      timeoutSeconds: 90,
      noBrowser: true,
    })
    expect(readOAuthOptions({}).timeoutSeconds).toBe(300)
    for (const bad of ['0', '-5', '1.5', 'soon']) {
      expect(() => readOAuthOptions({ timeout: bad })).toThrow(/--timeout takes a whole number/)
    }
  })
})
