import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A loopback stand-in for the platform's two OAuth 1.0a routes. */
export interface LoopbackPlatform {
  readonly baseUrl: string
  /** The paths requested, under the API root. */
  readonly paths: string[]
  /** The request token secret it hands out. */
  readonly requestTokenSecret: string
  close(): Promise<void>
}

/** Starts the stand-in on 127.0.0.1, on a free port. */
export async function startLoopbackPlatform(): Promise<LoopbackPlatform> {
  const paths: string[] = []
  const requestTokenSecret = 'rts-quickbooks-1'
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const path = url.pathname.replace(/^\/elements\/api-v2/, '')
    paths.push(path)
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' })
      response.end(JSON.stringify(body))
    }
    if (path === '/elements/quickbooks/oauth/token') {
      return send(200, { token: 'rt-quickbooks-1', secret: requestTokenSecret })
    }
    if (path === '/elements/quickbooks/oauth/url') {
      const token = url.searchParams.get('requestToken') ?? ''
      return send(200, {
        element: 'quickbooks',
        oauthUrl: `https://appcenter.intuit.test/Connect/Begin?oauth_token=${token}`,
      })
    }
    return send(404, { message: `no route ${path}` })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}/elements/api-v2`,
    paths,
    requestTokenSecret,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
