import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NEXT_PAGE_HEADER } from '@plugboard/core/protocol'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from './cli-run.js'
import { REQUEST_ID_HEADER, UNAUTHORIZED_MESSAGE } from './constants.js'
import { type RunningSandbox, startSandbox } from './server.js'
import { devAuthorization } from './test-support.js'

const directory = mkdtempSync(join(tmpdir(), 'plugboard-sandbox-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

function provisionBody(n: number) {
  return JSON.stringify({
    your_mom: { key: 'chargebee' },
    name: `Parallel ${n}`,
    configuration: { site: `site-${n}`, username: `key-${n}` },
    tags: [`batch-${n % 5}`],
  })
}

async function provision(server: RunningSandbox, n: number) {
  const response = await fetch(`${server.baseUrl}/instances`, {
    method: 'POST',
    headers: { authorization: server.authorization, 'content-type': 'application/json' },
    body: provisionBody(n),
  })
  return { status: response.status, body: (await response.json()) as { id: number; token: string } }
}

async function listAll(server: RunningSandbox): Promise<{ id: number; name: string }[]> {
  const all: { id: number; name: string }[] = []
  let next: string | null = ''
  while (next !== null) {
    const query: string = next === '' ? '' : `&nextPage=${encodeURIComponent(next)}`
    const response: Response = await fetch(`${server.baseUrl}/instances?pageSize=200${query}`, {
      headers: { authorization: server.authorization },
    })
    expect(response.status).toBe(200)
    all.push(...((await response.json()) as { id: number; name: string }[]))
    next = response.headers.get(NEXT_PAGE_HEADER)
  }
  return all
}

describe('startSandbox over a real socket', () => {
  it('reports its url, base URL, port and header value, and answers both API roots', async () => {
    const server = await startSandbox({ port: 0 })
    try {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}`)
      expect(server.baseUrl).toBe(`${server.url}/your_moms/api-v2`)
      expect(server.authorization).toBe(devAuthorization)
      const { inspect } = await import('node:util')
      expect(inspect(server)).not.toContain('sandbox-user-secret')
      expect(inspect(server.sandbox)).not.toContain('sandbox-organization-secret')
      expect(inspect(server.sandbox)).toContain('"sandbox"')
      const response = await fetch(`${server.url}/elements/api-v2/instances`, {
        headers: { authorization: server.authorization },
      })
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toMatch(/^application\/json/)
      expect(response.headers.get(REQUEST_ID_HEADER)).toMatch(/^[0-9a-f-]{36}$/)
      expect(await response.json()).toEqual([])

      const denied = await fetch(`${server.baseUrl}/instances`)
      expect(denied.status).toBe(401)
      const body = (await denied.json()) as { requestId: string; message: string }
      expect(body.message).toBe(UNAUTHORIZED_MESSAGE)
      expect(denied.headers.get(REQUEST_ID_HEADER)).toBe(body.requestId)
    } finally {
      await server.close()
    }
  })

  it('reports the element root when asked', async () => {
    const server = await startSandbox({ vocabulary: 'element' })
    try {
      expect(server.baseUrl).toBe(`${server.url}/elements/api-v2`)
    } finally {
      await server.close()
    }
  })

  it('creates 500 instances with unique ids and tokens from 500 parallel provisions', async () => {
    const server = await startSandbox({ port: 0, database: join(directory, 'parallel.db') })
    try {
      const answers = await Promise.all(Array.from({ length: 500 }, (_, n) => provision(server, n)))
      expect(answers.every((answer) => answer.status === 200)).toBe(true)
      expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(500)
      expect(new Set(answers.map((answer) => answer.body.token)).size).toBe(500)
      const listed = await listAll(server)
      expect(listed).toHaveLength(500)
      expect(new Set(listed.map((instance) => instance.name)).size).toBe(500)
    } finally {
      await server.close()
    }
  })

  it('keeps every instance, and its token, across a restart on the same database file', async () => {
    const database = join(directory, 'restart.db')
    const first = await startSandbox({ database })
    const created = await Promise.all(Array.from({ length: 25 }, (_, n) => provision(first, n)))
    const disabled = created[3]?.body.id
    await fetch(`${first.baseUrl}/instances/${disabled}/enabled`, {
      method: 'DELETE',
      headers: { authorization: first.authorization },
    })
    await first.close()
    await first.close()

    const second = await startSandbox({ database })
    try {
      const listed = await listAll(second)
      expect(listed.map((instance) => instance.id)).toEqual(
        created.map((answer) => answer.body.id).sort((a, b) => a - b),
      )
      const token = created[0]?.body.token
      const viaToken = await fetch(`${second.baseUrl}/instances`, {
        headers: { authorization: `${second.authorization}, Element ${token}` },
      })
      expect(viaToken.status).toBe(200)
      expect(await viaToken.json()).toMatchObject({ id: created[0]?.body.id, name: 'Parallel 0' })
      const stillDisabled = await fetch(`${second.baseUrl}/instances/${disabled}`, {
        headers: { authorization: second.authorization },
      })
      expect(await stillDisabled.json()).toMatchObject({ disabled: true })
      const next = await provision(second, 99)
      expect(next.body.id).toBeGreaterThan(Math.max(...created.map((answer) => answer.body.id)))
    } finally {
      await second.close()
    }
  })

  it('never stores a token in the database file', async () => {
    const database = join(directory, 'tokens.db')
    const server = await startSandbox({ database })
    const { body } = await provision(server, 1)
    await server.close()
    const { readFileSync } = await import('node:fs')
    const bytes = Buffer.concat([
      readFileSync(database),
      ...['-wal'].map((suffix) => {
        try {
          return readFileSync(`${database}${suffix}`)
        } catch {
          return Buffer.alloc(0)
        }
      }),
    ])
    expect(bytes.includes(Buffer.from(body.token))).toBe(false)
    expect(bytes.includes(Buffer.from(body.token, 'base64'))).toBe(false)
    expect(bytes.includes(Buffer.from('Parallel 1'))).toBe(true)
  })

  it('refuses a port that is taken', async () => {
    const server = await startSandbox()
    try {
      await expect(startSandbox({ port: server.port })).rejects.toThrow(/EADDRINUSE/)
    } finally {
      await server.close()
    }
  })
})

describe('the bin', () => {
  function capture() {
    const out: string[] = []
    const err: string[] = []
    return {
      out,
      err,
      output: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) },
    }
  }

  it('prints help', async () => {
    const { out, output } = capture()
    expect(await runCli(['--help'], output)).toEqual({ exitCode: 0 })
    expect(out.join('')).toContain('--db <file>')
    expect(out.join('')).toContain('sandbox-user-secret')
  })

  it('refuses bad options with exit code 2', async () => {
    for (const args of [['--port', 'x'], ['--port', '70000'], ['--nope'], ['--vocabulary', 'x']]) {
      const { err, output } = capture()
      expect(await runCli(args, output), args.join(' ')).toEqual({ exitCode: 2 })
      expect(err.join('')).toContain('Usage')
    }
  })

  it('starts on the given port and database and prints the base URL and header', async () => {
    const { out, output } = capture()
    const result = await runCli(['--port', '0', '--db', join(directory, 'cli.db')], output)
    if (!('sandbox' in result)) throw new Error(`the bin did not start: ${JSON.stringify(result)}`)
    try {
      const printed = out.join('')
      expect(printed).toContain(`Base URL: ${result.sandbox.baseUrl}`)
      expect(printed).toContain(`Authorization: ${devAuthorization}`)
      const response = await fetch(`${result.sandbox.baseUrl}/elements/chargebee`, {
        headers: { authorization: result.sandbox.authorization },
      })
      expect(response.status).toBe(200)
    } finally {
      await result.sandbox.close()
    }
  })
})
