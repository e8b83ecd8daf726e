import {
  type RunningSandbox,
  SANDBOX_ORGANIZATION_SECRET,
  SANDBOX_USER_SECRET,
  startSandbox,
} from '@plugboard/sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registry } from '../src/app-registry.js'
import { cliRun } from './run-cli.js'

const env = {
  PLUGBOARD_USER_SECRET: SANDBOX_USER_SECRET,
  PLUGBOARD_ORGANIZATION_SECRET: SANDBOX_ORGANIZATION_SECRET,
}
const API_KEY = 'test_cbShowTokenKey_0042'

describe('plugboard-demo provision, text output', () => {
  let sandbox: RunningSandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, host: '127.0.0.1', database: ':memory:', registry })
  })
  afterAll(async () => {
    await sandbox.close()
  })

  const provision = (...more: string[]) =>
    cliRun(
      [
        '--base-url',
        sandbox.baseUrl,
        'provision',
        'chargebee',
        '--set',
        'site=acme-test',
        '--set',
        `username=${API_KEY}`,
        ...more,
      ],
      env,
    )

  it('prints the whole token with --show-token, one that the platform accepts', async () => {
    const result = await provision('--show-token')
    expect(result.code).toBe(0)
    const token = /^token\s+(\S+)\s+\(store it now: the platform returns it only once\)$/m.exec(
      result.stdout,
    )?.[1]
    expect(token).toBeDefined()
    expect(token).not.toContain('…')
    const id = Number(/^id\s+(\d+)$/m.exec(result.stdout)?.[1])
    // The token-scoped form of GET /instances answers the instance the token belongs to.
    const response = await fetch(`${sandbox.baseUrl}/instances`, {
      headers: { authorization: `${sandbox.authorization}, Element ${token}` },
    })
    expect(response.status).toBe(200)
    expect(((await response.json()) as { id: number }).id).toBe(id)
    expect(result.stdout).not.toContain('the client keeps')
    expect(result.stdout + result.stderr).not.toContain(API_KEY)
  })

  it('masks the token without --show-token and says how to see it', async () => {
    const result = await provision()
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^token\s+.{4}…\*{8}\s+\(masked; .*--show-token/m)
    expect(result.stdout).not.toContain('the client keeps')
  })

  it('hints at the API root when --base-url lacks it (the platform then knows no route)', async () => {
    const result = await cliRun(['--base-url', sandbox.url, 'instances', 'list'], env)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^error: The platform answered 404: .*No route/m)
    expect(result.stderr).toContain("--base-url is the platform's API root")
    expect(result.stderr).toContain('/your_moms/api-v2')
  })

  it('gives no such hint when --base-url is an API root', async () => {
    const result = await cliRun(['--base-url', sandbox.baseUrl, 'instances', 'get', '999999'], env)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^error: The platform answered 404/m)
    expect(result.stderr).not.toContain('API root')
  })
})
