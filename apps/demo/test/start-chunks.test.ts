import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { cli } from './run-cli.js'

// What `connectors` loads is what every start of the CLI loads (bench row P8): the built bundle's
// chunks, each listing in its sourcemap the modules bundled into it.

const execute = promisify(execFile)

/** Records the files (outside node:) the process loads and prints them on stderr at exit. */
const RECORD_LOADS = `
  import { registerHooks } from 'node:module'
  const loaded = []
  registerHooks({
    load(url, context, next) {
      if (!url.startsWith('node:')) loaded.push(url)
      return next(url, context)
    },
  })
  process.on('exit', () => process.stderr.write('loaded ' + JSON.stringify(loaded) + '\\n'))
`

/** The source modules bundled into the chunks a run of the CLI loads. */
async function modulesLoadedBy(args: readonly string[]): Promise<string[]> {
  const { stderr } = await execute(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(RECORD_LOADS)}`, cli, ...args],
    { env: { ...process.env, NO_COLOR: '1' }, timeout: 180_000 },
  )
  const line = stderr.split('\n').find((text) => text.startsWith('loaded '))
  const files = JSON.parse(line?.slice('loaded '.length) ?? '[]') as string[]
  expect(files.length).toBeGreaterThan(1)
  return files.flatMap((url) => {
    // A chunk that only re-exports another (a facade) bundles no module and has no sourcemap.
    const map = `${fileURLToPath(url)}.map`
    if (!existsSync(map)) return []
    return (JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] }).sources
  })
}

describe('start-up', () => {
  it('`connectors` loads the registry through core’s definitions entry, not the client', async () => {
    const modules = await modulesLoadedBy(['connectors', '--json'])
    expect(modules).toContainEqual(expect.stringMatching(/src\/commands\/connectors\.ts$/))
    expect(modules).toContainEqual(expect.stringMatching(/packages\/core\/dist\/define\.js$/))
    // Neither core's main entry (the platform client) nor its protocol entry (the wire schemas),
    // nor the sandbox, ky or the prompts.
    const heavy = modules.filter((source) =>
      /packages\/core\/dist\/(index|protocol\/index|events)\.js$|packages\/sandbox\/dist\/(index|server-[\w-]+)\.js$|\/(ky|hono|@clack\+prompts)@/.test(
        source,
      ),
    )
    expect(heavy).toEqual([])
  })
})

/**
 * Records, for a run of the CLI, the built-in modules it loads through the ES module loader and
 * which of `process.stdin`, `process.stdout` and `process.stderr` (getters that open the stream)
 * it reads; printed
 * at exit on stderr through its file descriptor, so the record itself opens nothing.
 */
const RECORD_STARTUP = `
  import { registerHooks } from 'node:module'
  import { writeSync } from 'node:fs'
  const builtins = []
  const opened = []
  registerHooks({
    load(url, context, next) {
      if (url.startsWith('node:')) builtins.push(url)
      return next(url, context)
    },
  })
  for (const name of ['stdin', 'stdout', 'stderr']) {
    const { get, enumerable } = Object.getOwnPropertyDescriptor(process, name)
    Object.defineProperty(process, name, {
      configurable: true,
      enumerable,
      get() {
        opened.push(name)
        return get.call(process)
      },
    })
  }
  process.on('exit', () => writeSync(2, 'startup ' + JSON.stringify({ builtins, opened }) + '\\n'))
`

/** What a run of the CLI loaded through the ES module loader and which streams it opened. */
async function startupOf(
  args: readonly string[],
): Promise<{ builtins: string[]; opened: string[] }> {
  const { stderr } = await execute(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(RECORD_STARTUP)}`, cli, ...args],
    { env: { ...process.env, NO_COLOR: '1' }, timeout: 180_000 },
  ).catch((error: { stderr: string }) => ({ stderr: error.stderr }))
  const line = stderr.split('\n').find((text) => text.startsWith('startup '))
  expect(line).toBeDefined()
  return JSON.parse(line?.slice('startup '.length) ?? '{}') as {
    builtins: string[]
    opened: string[]
  }
}

describe('start-up work', () => {
  it('`connectors --json` takes node:util without its ES module facade and opens no standard stream', async () => {
    const { builtins, opened } = await startupOf(['connectors', '--json'])
    // An ES import of node:util builds its facade, which reads every export (loading text
    // decoding, worker threads and the diff helpers); process.getBuiltinModule does not.
    expect(builtins).not.toContain('node:util')
    // Its one document is written to file descriptor 1 (src/output.ts).
    expect(opened).toEqual([])
  })

  it('`connectors` in text opens stdout (the record sees it)', async () => {
    const { opened } = await startupOf(['connectors'])
    expect(opened).toContain('stdout')
  })

  it('a run that reports an error opens stderr (the record sees it)', async () => {
    const { opened } = await startupOf(['connectors', '--hub', 'payment'])
    expect(opened).toContain('stderr')
  })
})
