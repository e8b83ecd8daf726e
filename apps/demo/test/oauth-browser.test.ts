import { createPlatformClient, type PlatformClient, PlatformError } from '@plugboard/core'
import {
  type RunningSandbox,
  SANDBOX_ORGANIZATION_SECRET,
  SANDBOX_USER_SECRET,
  startSandbox,
} from '@plugboard/sandbox'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registry } from '../src/app-registry.js'
import { launchChromium } from './chromium.js'
import { type CliProcess, startCli } from './cli-process.js'
import { freePort } from './ports.js'

// The OAuth flow end to end, in a real browser: the CLI (a child process, --no-browser) prints the
// sandbox's authorisation URL; headless Chromium opens it and clicks Allow or Deny on the sandbox's
// consent page; the vendor's redirect reaches the CLI's loopback listener, and the CLI provisions.

const API_KEY = 'oauth-app-client-id-0042'
const API_SECRET = 'oauth-app-client-secret-do-not-print-7f3a'

let sandbox: RunningSandbox
let browser: Browser
let client: PlatformClient

const env = () => ({
  PLUGBOARD_USER_SECRET: SANDBOX_USER_SECRET,
  PLUGBOARD_ORGANIZATION_SECRET: SANDBOX_ORGANIZATION_SECRET,
})
const SITE = 'acme.my.salesforce.com'
const SFDC = ['provision', 'sfdc', '--site-address', SITE]
const app = ['--set', `oauth.api.key=${API_KEY}`, '--set', `oauth.api.secret=${API_SECRET}`]

/** Starts the CLI on the sandbox with --no-browser and --json, and waits for the URL it prints. */
async function startFlow(args: readonly string[]): Promise<{ cli: CliProcess; url: string }> {
  const cli = startCli(
    [...args, '--base-url', sandbox.baseUrl, '--no-browser', '--json', ...app],
    env(),
  )
  const url = await cli.errorLine((line) => /^\s+http:\/\/\S+$/.test(line))
  return { cli, url: url.trim() }
}

/** Opens the authorisation URL and answers the consent page; resolves with the page left open. */
async function answerConsent(url: string, button: 'Allow' | 'Deny'): Promise<Page> {
  const page = await browser.newPage()
  await page.goto(url)
  await page.getByRole('button', { name: button, exact: true }).click()
  // The vendor's redirect lands on the CLI's listener, which answers once the CLI is done.
  await page.waitForURL((target) => target.pathname === '/callback')
  await page.waitForLoadState('load')
  return page
}

/** What the CLI printed on stdout: under --json, one JSON document. */
const stdout = (cli: CliProcess): string => cli.lines.join('\n')

/** Nothing the user gave as a secret, nor a code or token, appears in what the CLI printed. */
function expectNoSecrets(cli: CliProcess): void {
  const printed = cli.lines.join('\n') + cli.stderr()
  expect(printed).not.toContain(API_SECRET)
  expect(printed).not.toMatch(/[?&](code|oauth_verifier)=/)
}

async function instanceIds(): Promise<number[]> {
  const ids: number[] = []
  for await (const instance of client.instances.iterate()) ids.push(instance.id)
  return ids
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, host: '127.0.0.1', database: ':memory:', registry })
  client = createPlatformClient({
    baseUrl: sandbox.baseUrl,
    userSecret: SANDBOX_USER_SECRET,
    organizationSecret: SANDBOX_ORGANIZATION_SECRET,
  })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await sandbox?.close()
})

describe('provision <oauth connector> in a real browser', () => {
  it('Allow: the CLI receives the code and provisions hubspotcrm (OAuth, its default choice)', async () => {
    const { cli, url } = await startFlow([
      'provision',
      'hubspotcrm',
      '--name',
      'Acme CRM',
      '--set',
      'create.bulk.properties=false',
    ])
    expect(new URL(url).origin).toBe(new URL(sandbox.baseUrl).origin)
    const page = await answerConsent(url, 'Allow')
    expect(await cli.exited).toBe(0)
    expect(await page.textContent('h1')).toBe('Authorised')
    const printed = JSON.parse(stdout(cli)) as {
      id: number
      connector: string
      name: string
      configuration: Record<string, unknown>
    }
    expect(printed).toMatchObject({ connector: 'hubspotcrm', name: 'Acme CRM' })
    expect(printed.configuration['oauth.user.token']).toMatch(/\*{8}/)
    const stored = await client.instances.get(printed.id)
    expect(stored.connector?.key).toBe('hubspotcrm')
    expect(stored.configuration['oauth.callback.url']).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/callback$/,
    )
    expectNoSecrets(cli)
    await page.close()
  })

  it('Allow with --site-address: sfdc (OAuth 2.0 with the account host) is provisioned', async () => {
    const { cli, url } = await startFlow([...SFDC, '--name', 'Acme Sales'])
    const page = await answerConsent(url, 'Allow')
    expect(await cli.exited).toBe(0)
    expect(await page.textContent('h1')).toBe('Authorised')
    const printed = JSON.parse(stdout(cli)) as { id: number; connector: string; name: string }
    expect(printed).toMatchObject({ connector: 'sfdc', name: 'Acme Sales' })
    expect((await client.instances.get(printed.id)).connector?.key).toBe('sfdc')
    expectNoSecrets(cli)
    await page.close()
  })

  it('Deny: a clear error, exit code 1, nothing provisioned', async () => {
    const before = await instanceIds()
    const { cli, url } = await startFlow(SFDC)
    const page = await answerConsent(url, 'Deny')
    expect(await cli.exited).toBe(1)
    expect(cli.stderr()).toMatch(/error: Access to sfdc was denied .*Nothing was provisioned/)
    expect(JSON.parse(stdout(cli))).toMatchObject({ error: { kind: 'OAuthDeniedError' } })
    expect(await page.textContent('h1')).toBe('Not authorised')
    expect(await instanceIds()).toEqual(before)
    expectNoSecrets(cli)
    await page.close()
  })

  it('OAuth 1.0a: Allow provisions quickbooks (request token, verifier, realmId)', async () => {
    const { cli, url } = await startFlow([
      'provision',
      'quickbooks',
      '--set',
      'quickbooks.minorversion=65',
    ])
    const page = await answerConsent(url, 'Allow')
    expect(await cli.exited).toBe(0)
    const printed = JSON.parse(stdout(cli)) as { id: number; connector: string }
    expect(printed.connector).toBe('quickbooks')
    const stored = await client.instances.get(printed.id)
    expect(stored.connector?.key).toBe('quickbooks')
    // The callback's realmId reached the platform through providerData, which kept it.
    expect(stored.configuration['quickbooks.realm.id']).toMatch(/^\d+$/)
    expectNoSecrets(cli)
    await page.close()
  })

  it('reauthorize <id>: the consent step again, then the instance takes its new grant', async () => {
    const first = await startFlow(SFDC)
    await (await answerConsent(first.url, 'Allow')).close()
    expect(await first.cli.exited).toBe(0)
    const { id } = JSON.parse(stdout(first.cli)) as { id: number }
    const before = await client.instances.get(id)
    const again = await startFlow(['reauthorize', String(id), '--site-address', SITE])
    const page = await answerConsent(again.url, 'Allow')
    expect(await again.cli.exited).toBe(0)
    expect(JSON.parse(stdout(again.cli))).toMatchObject({ id, connector: 'sfdc' })
    const after = await client.instances.get(id)
    expect(after.configuration['oauth.user.refresh_time']).not.toBe(
      before.configuration['oauth.user.refresh_time'],
    )
    expectNoSecrets(again.cli)
    await page.close()
  })
})

describe('the authorisation code', () => {
  it('is refused when replayed, with the platform message', async () => {
    const { cli, url } = await startFlow(SFDC)
    const page = await browser.newPage()
    let callback: URL | undefined
    page.on('request', (request) => {
      const target = new URL(request.url())
      if (target.pathname === '/callback') callback = target
    })
    await page.goto(url)
    await page.getByRole('button', { name: 'Allow', exact: true }).click()
    await page.waitForURL((target) => target.pathname === '/callback')
    expect(await cli.exited).toBe(0)
    await page.close()
    const code = callback?.searchParams.get('code') ?? ''
    expect(code).not.toBe('')
    const replayed = client.provision(registry.get('sfdc'), {
      name: 'Replayed',
      configuration: {
        'oauth.api.key': API_KEY,
        'oauth.api.secret': API_SECRET,
        'oauth.callback.url': `${callback?.origin}/callback`,
      },
      providerData: { code },
    })
    const refusal = await replayed.then(
      () => undefined,
      (error: unknown) => error,
    )
    expect(PlatformError.isInstance(refusal)).toBe(true)
    if (!PlatformError.isInstance(refusal)) return
    expect(refusal.status).toBe(400)
    expect(refusal.platformMessage).toMatch(/refused the OAuth code/)
    expect(refusal.message).not.toContain(code)
  })
})

describe('waiting for the browser', () => {
  it('Ctrl-C stops cleanly: exit code 130, the listener closed, nothing provisioned', async () => {
    const before = await instanceIds()
    const callbackUrl = `http://127.0.0.1:${await freePort()}/callback`
    const { cli } = await startFlow([...SFDC, '--callback-url', callbackUrl])
    expect((await fetch(`${callbackUrl}/elsewhere`)).status).toBe(404) // listening
    cli.kill('SIGINT')
    expect(await cli.exited).toBe(130)
    expect(cli.stderr()).toContain('error: Cancelled.')
    await expect(fetch(callbackUrl)).rejects.toThrow() // closed
    expect(await instanceIds()).toEqual(before)
  })

  it('gives up after --timeout with a clear error', async () => {
    const { cli } = await startFlow([...SFDC, '--timeout', '1'])
    expect(await cli.exited).toBe(1)
    expect(cli.stderr()).toMatch(/^error: No answer from the browser within 1 s; run the command/m)
    expect(cli.stderr()).not.toMatch(/^\s+at /m) // one line, no stack
    expect(JSON.parse(stdout(cli))).toMatchObject({ error: { kind: 'timeout' } })
  })
})
