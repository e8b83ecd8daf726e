import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SANDBOX_ORGANIZATION_SECRET, SANDBOX_USER_SECRET } from '../../src/constants.js'
import { type RunningSandbox, startSandbox } from '../../src/server.js'
import { runPlatformScript } from './platform-script.js'

let running: RunningSandbox
beforeAll(async () => {
  running = await startSandbox({ database: ':memory:', vocabulary: 'element' })
})
afterAll(async () => {
  await running.close()
})

describe('acceptance (issue 14): a script written from the platform docs', () => {
  it('runs unchanged against the sandbox, every step answered as the docs say', async () => {
    const log = await runPlatformScript({
      baseUrl: running.baseUrl,
      userSecret: SANDBOX_USER_SECRET,
      organizationSecret: SANDBOX_ORGANIZATION_SECRET,
    })
    expect(log.steps[0]).toBe('create: POST /elements/chargebee/instances -> 200')
    expect(log.steps.at(-1)).toBe('hub after delete: GET /hubs/payment/customers -> 401')
  })
})
