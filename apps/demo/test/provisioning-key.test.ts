import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import {
  type RunningSandbox,
  SANDBOX_ORGANIZATION_SECRET,
  SANDBOX_USER_SECRET,
  startSandbox,
} from '@plugboard/sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registry } from '../src/app-registry.js'

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url))
const run = promisify(execFile)

describe('plugboard-demo provision --provisioning-key', () => {
  let sandbox: RunningSandbox
  const env = {
    ...process.env,
    NO_COLOR: '1',
    PLUGBOARD_USER_SECRET: SANDBOX_USER_SECRET,
    PLUGBOARD_ORGANIZATION_SECRET: SANDBOX_ORGANIZATION_SECRET,
  }

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, host: '127.0.0.1', database: ':memory:', registry })
  })
  afterAll(async () => {
    await sandbox.close()
  })

  async function provision(): Promise<{ code: number; stdout: string }> {
    const args = [
      ...['--base-url', sandbox.baseUrl, 'provision', 'chargebee', '--name', 'Keyed'],
      ...['--set', 'site=acme-test', '--set', 'username=test_keyedApiKey', '--json'],
      ...['--provisioning-key', 'order-4711'],
    ]
    try {
      const { stdout } = await run(process.execPath, [cli, ...args], { env, timeout: 180_000 })
      return { code: 0, stdout }
    } catch (error) {
      return { code: (error as { code: number }).code, stdout: '' }
    }
  }

  it('sends the key as a tag, and a second run with the key creates no second instance', async () => {
    const first = await provision()
    expect(first.code).toBe(0)
    const instance = JSON.parse(first.stdout) as { id: number; tags: string[] }
    expect(instance.tags).toEqual(['plugboard-provisioning-key:order-4711'])
    // The second run finds the first instance (or, where GET carries no token, says it exists).
    await provision()
    const listed = await fetch(`${sandbox.baseUrl}/instances`, {
      headers: { authorization: sandbox.authorization },
    })
    expect(((await listed.json()) as unknown[]).length).toBe(1)
  })
})
