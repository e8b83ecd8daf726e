import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { type CliResult, runCli } from '../../src/cli-run.js'
import { isLoopbackHost, ORGANIZATION_ENV } from '../../src/cli-secrets.js'
import { SANDBOX_ORGANIZATION_SECRET, SANDBOX_USER_SECRET } from '../../src/constants.js'

const directory = mkdtempSync(join(tmpdir(), 'plugboard-bin-host-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

function capture() {
  const out: string[] = []
  const err: string[] = []
  return {
    out,
    err,
    output: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) },
  }
}

/** Runs the bin; a sandbox it starts is closed before the result is checked. */
async function run(args: string[], env: Record<string, string>) {
  const { out, err, output } = capture()
  const result: CliResult = await runCli(['--port', '0', '--db', ':memory:', ...args], output, env)
  return { result, out: out.join(''), err: err.join('') }
}

async function status(url: string, authorization: string): Promise<number> {
  return (await fetch(`${url}/your_moms/api-v2/instances`, { headers: { authorization } })).status
}

describe('the bin beyond loopback (issue 12, item 12)', () => {
  it('refuses the development secrets on a host that is not a loopback address, and says why', async () => {
    const development = {
      [ORGANIZATION_ENV.userSecret]: SANDBOX_USER_SECRET,
      [ORGANIZATION_ENV.organizationSecret]: SANDBOX_ORGANIZATION_SECRET,
    }
    for (const [host, env] of [
      ['0.0.0.0', {}],
      ['::', {}],
      ['192.0.2.10', {}],
      ['0.0.0.0', development],
    ] as const) {
      const { result, err } = await run(['--host', host], env)
      if ('sandbox' in result) await result.sandbox.close()
      expect(result, host).toEqual({ exitCode: 2 })
      expect(err).toContain(`refusing to serve the public development secrets on --host ${host}`)
      expect(err).toContain(ORGANIZATION_ENV.userSecret)
      expect(err).toContain('--organizations <file>')
    }
  })

  it('starts beyond loopback with secrets from the environment, and never prints them', async () => {
    const env = {
      [ORGANIZATION_ENV.userSecret]: 'env-user-secret-7f3a',
      [ORGANIZATION_ENV.organizationSecret]: 'env-org-secret-91bc',
    }
    const { result, out, err } = await run(['--host', '0.0.0.0'], env)
    if (!('sandbox' in result)) throw new Error(`the bin did not start: ${err}`)
    try {
      expect(out + err).not.toContain('env-user-secret-7f3a')
      expect(out + err).not.toContain('env-org-secret-91bc')
      expect(out).toContain('not printed')
      const url = `http://127.0.0.1:${result.sandbox.port}`
      expect(await status(url, 'User env-user-secret-7f3a, Organization env-org-secret-91bc')).toBe(
        200,
      )
      expect(
        await status(
          url,
          `User ${SANDBOX_USER_SECRET}, Organization ${SANDBOX_ORGANIZATION_SECRET}`,
        ),
      ).toBe(401)
    } finally {
      await result.sandbox.close()
    }
  })

  it('starts beyond loopback with an organizations file, and names a bad file without its secrets', async () => {
    const file = join(directory, 'organizations.json')
    writeFileSync(
      file,
      JSON.stringify([{ id: 'acme', userSecret: 'file-user-1', organizationSecret: 'file-org-1' }]),
    )
    const started = await run(['--host', '0.0.0.0', '--organizations', file], {})
    if (!('sandbox' in started.result)) throw new Error(`the bin did not start: ${started.err}`)
    try {
      const url = `http://127.0.0.1:${started.result.sandbox.port}`
      expect(await status(url, 'User file-user-1, Organization file-org-1')).toBe(200)
      expect(started.out).not.toContain('file-org-1')
    } finally {
      await started.result.sandbox.close()
    }

    const bad = join(directory, 'bad.json')
    writeFileSync(
      bad,
      JSON.stringify([{ id: 'acme', userSecret: 12345678, organizationSecret: '' }]),
    )
    const refused = await run(['--organizations', bad], {})
    expect(refused.result).toEqual({ exitCode: 2 })
    expect(refused.err).toContain(`--organizations ${bad} must be a JSON array`)
    expect(refused.err).toContain('0.userSecret: expected a string')
    expect(refused.err).not.toContain('12345678')
    const half = await run([], { [ORGANIZATION_ENV.userSecret]: 'only-one' })
    expect(half.result).toEqual({ exitCode: 2 })
    expect(half.err).not.toContain('only-one')
  })

  it('tells loopback hosts from the others', () => {
    for (const host of [
      '127.0.0.1',
      '127.8.9.10',
      'localhost',
      'LOCALHOST',
      '::1',
      '[::1]',
      '::ffff:127.0.0.1',
    ]) {
      expect(isLoopbackHost(host), host).toBe(true)
    }
    for (const host of [
      '0.0.0.0',
      '::',
      '10.0.0.1',
      '192.0.2.10',
      'example.com',
      '::ffff:10.0.0.1',
      '128.0.0.1',
    ]) {
      expect(isLoopbackHost(host), host).toBe(false)
    }
  })
})
