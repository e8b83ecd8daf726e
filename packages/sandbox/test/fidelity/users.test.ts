import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chargebee } from '@plugboard/connector-chargebee'
import { createPlatformClient } from '@plugboard/core'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli-run.js'
import { startSandbox } from '../../src/server.js'

const directory = mkdtempSync(join(tmpdir(), 'plugboard-users-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

const alice = { id: 7, emailAddress: 'alice@acme.test', firstName: 'Alice', lastName: 'Archer' }
const bob = { id: 8, emailAddress: 'bob@acme.test', firstName: 'Bob', lastName: 'Baker' }
const organizations = [
  {
    id: 'acme',
    userSecret: 'alice-user-secret',
    organizationSecret: 'acme-org-secret',
    user: alice,
  },
  { id: 'acme', userSecret: 'bob-user-secret', organizationSecret: 'acme-org-secret', user: bob },
]

function clientOf(baseUrl: string, userSecret: string) {
  return createPlatformClient({
    baseUrl,
    userSecret,
    organizationSecret: 'acme-org-secret',
    retry: 0,
  })
}

describe("instance owners: the sandbox organizations' users", () => {
  it('names the user who provisioned each instance, set through the sandbox options', async () => {
    const running = await startSandbox({ database: ':memory:', organizations })
    try {
      const asAlice = clientOf(running.baseUrl, 'alice-user-secret')
      const asBob = clientOf(running.baseUrl, 'bob-user-secret')
      const configuration = { site: 'acme-test', username: 'test_ownerKey' }
      const a = await asAlice.provision(chargebee, { name: 'Alice', configuration })
      const b = await asBob.provision(chargebee, { name: 'Bob', configuration })
      expect(a.user).toEqual(alice)
      expect(b.user).toEqual(bob)
      // The organization's instances are shared; each keeps its owner, whoever reads it.
      expect((await asBob.instances.get(a.id)).user).toEqual(alice)
      const listed = (await asAlice.instances.list()).instances.map((i) => [i.id, i.user?.id])
      expect(listed).toEqual([
        [a.id, 7],
        [b.id, 8],
      ])
    } finally {
      await running.close()
    }
  })

  it('reads users from the bin organizations file, and refuses a malformed one naming the field', async () => {
    const file = join(directory, 'organizations.json')
    writeFileSync(file, JSON.stringify(organizations))
    const logs: string[] = []
    const output = { out: (t: string) => logs.push(t), err: (t: string) => logs.push(t) }
    const result = await runCli(
      ['--port', '0', '--db', ':memory:', '--organizations', file],
      output,
      {},
    )
    if (!('sandbox' in result)) throw new Error(`the bin did not start: ${logs.join('')}`)
    try {
      const created = await clientOf(result.sandbox.baseUrl, 'bob-user-secret').provision(
        chargebee,
        {
          name: 'From the bin',
          configuration: { site: 'acme-test', username: 'test_binKey' },
        },
      )
      expect(created.user).toEqual(bob)
    } finally {
      await result.sandbox.close()
    }

    const bad = join(directory, 'bad.json')
    writeFileSync(
      bad,
      JSON.stringify([{ ...organizations[0], user: { ...alice, emailAddress: 'nope' } }]),
    )
    const errors: string[] = []
    const refused = await runCli(
      ['--port', '0', '--db', ':memory:', '--organizations', bad],
      {
        out: (t) => errors.push(t),
        err: (t) => errors.push(t),
      },
      {},
    )
    expect('exitCode' in refused && refused.exitCode).not.toBe(0)
    expect(errors.join('')).toMatch(/expected an email address/)
  })
})
