import {
  type RunningSandbox,
  SANDBOX_ORGANIZATION_SECRET,
  SANDBOX_USER_SECRET,
  startSandbox,
} from '@plugboard/sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registry } from '../src/app-registry.js'
import { cliRun } from './run-cli.js'

// The OAuth commands' choices and refusals that need no browser: which path `provision` takes,
// and what `reauthorize` and `--callback-url` refuse before any flow starts.

let sandbox: RunningSandbox
const env = {
  PLUGBOARD_USER_SECRET: SANDBOX_USER_SECRET,
  PLUGBOARD_ORGANIZATION_SECRET: SANDBOX_ORGANIZATION_SECRET,
}
const target = () => ['--base-url', sandbox.baseUrl]

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, host: '127.0.0.1', database: ':memory:', registry })
})
afterAll(async () => {
  await sandbox.close()
})

describe('plugboard-demo and OAuth connectors, without a browser', () => {
  it('provisions hubspotcrm with an API key (authentication.type=apiKey): no OAuth flow', async () => {
    const apiKey = 'hubspot-private-app-key-0042'
    const result = await cliRun(
      [
        ...target(),
        'provision',
        'hubspotcrm',
        '--json',
        '--set',
        'authentication.type=apiKey',
        '--set',
        'create.bulk.properties=false',
        '--set',
        `hubspot.authorization.apikey=${apiKey}`,
      ],
      env,
    )
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ connector: 'hubspotcrm' })
    expect(result.stdout).not.toContain(apiKey)
  })

  it('refuses a --callback-url off the loopback interface before starting anything', async () => {
    const result = await cliRun(
      [
        ...target(),
        'provision',
        'sfdc',
        '--set',
        'oauth.api.key=k',
        '--set',
        'oauth.api.secret=s',
        '--callback-url',
        'https://app.example.com/callback',
      ],
      env,
    )
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/--callback-url must be an http URL on this machine's loopback/)
  })

  it('names what reauthorize needs, and refuses a configuration-only instance', async () => {
    const chargebee = registry.get('chargebee')
    const provisioned = await cliRun(
      [
        ...target(),
        'provision',
        'chargebee',
        '--json',
        '--set',
        `site=${chargebee.sample.site}`,
        '--set',
        `username=${chargebee.sample.username}`,
      ],
      env,
    )
    expect(provisioned.code).toBe(0)
    const { id } = JSON.parse(provisioned.stdout) as { id: number }
    const refused = await cliRun([...target(), 'reauthorize', String(id)], env)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(
      new RegExp(`Instance ${id} \\(chargebee\\) authorises with its configuration, not OAuth`),
    )
    const missing = await cliRun([...target(), 'reauthorize', '999999'], env)
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/The platform answered 404/)
  })
})
