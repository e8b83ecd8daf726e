import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

// What a fresh process that imports the built main entry loads (bench row P4): the protocol's
// plain facts, not its wire schemas, which the client loads with ky on its first request.

const execute = promisify(execFile)

const dist = fileURLToPath(new URL('../dist/', import.meta.url))

/**
 * Records the files of core's dist/ a fresh process loads, before and after `afterImport` (a
 * script run once the main entry is imported, with it as `core`), and prints them on stdout.
 */
function recording(afterImport: string): string {
  return `
    import { registerHooks } from 'node:module'
    const loaded = []
    registerHooks({
      load(url, context, next) {
        if (url.startsWith(${JSON.stringify(`file://${dist}`)})) loaded.push(url.slice(${`file://${dist}`.length}))
        return next(url, context)
      },
    })
    const core = await import(${JSON.stringify(`file://${dist}index.js`)})
    const atImport = [...loaded]
    ${afterImport}
    console.log(JSON.stringify({ atImport, atEnd: loaded }))
  `
}

async function loadedFiles(afterImport = ''): Promise<{ atImport: string[]; atEnd: string[] }> {
  const { stdout } = await execute(
    process.execPath,
    ['--input-type=module', '-e', recording(afterImport)],
    { timeout: 180_000 },
  )
  return JSON.parse(stdout) as { atImport: string[]; atEnd: string[] }
}

describe('a cold start of the built main entry', () => {
  it('loads the protocol’s plain facts without its wire schemas', async () => {
    const { atImport } = await loadedFiles()
    expect(atImport).toContain('index.js')
    expect(atImport).not.toContain('protocol/index.js')
    expect(atImport).toContain('protocol/plain-facts.js')
  })

  it('loads the wire schemas with ky, on the client’s first request', async () => {
    // A fetch that answers at once: the keys of the platform's connectors.
    const { atImport, atEnd } = await loadedFiles(`
      const client = core.createPlatformClient({
        baseUrl: 'http://127.0.0.1:9/your_moms/api-v2',
        userSecret: 'u',
        organizationSecret: 'o',
        fetch: async () => Response.json(['chargebee']),
      })
      const keys = await client.connectors.keys()
      if (JSON.stringify(keys) !== '["chargebee"]') throw new Error('unexpected keys ' + keys)
    `)
    expect(atImport).not.toContain('protocol/index.js')
    expect(atEnd).toContain('protocol/index.js')
  })
})
