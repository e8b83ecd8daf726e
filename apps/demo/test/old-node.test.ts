import { execFileSync, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliRun } from './run-cli.js'

/** A Node older than 24.11 on this machine (the system's, say), if there is one. */
function findOldNode(): string | undefined {
  const found = spawnSync('which', ['-a', 'node'], { encoding: 'utf8' }).stdout ?? ''
  const candidates = [...found.split('\n'), '/usr/bin/node', '/usr/local/bin/node']
  for (const candidate of candidates.filter((path) => path !== '')) {
    const version = spawnSync(candidate, ['-p', 'process.versions.node'], { encoding: 'utf8' })
    const [major = 0, minor = 0] = (version.stdout ?? '').trim().split('.').map(Number)
    if (version.status === 0 && major > 0 && (major < 24 || (major === 24 && minor < 11))) {
      return candidate
    }
  }
  return undefined
}

const oldNode = findOldNode()
const sandboxBin = join(
  dirname(createRequire(import.meta.url).resolve('@plugboard/sandbox/package.json')),
  'dist',
  'cli.js',
)

describe.skipIf(oldNode === undefined)(`on an old Node (${oldNode ?? 'none found'})`, () => {
  const version = execFileSync(oldNode ?? 'node', ['-p', 'process.versions.node'], {
    encoding: 'utf8',
  }).trim()

  it.each([[['connectors']], [['--help']], [[]]])(
    'plugboard-demo %j says in one line which Node it needs, and exits 1',
    async (args) => {
      const result = await cliRun(args, {}, oldNode)
      expect(result.code).toBe(1)
      expect(result.stderr).toBe(
        `plugboard-demo needs Node.js 24.11 or later; this is Node.js ${version}.\n`,
      )
      expect(result.stdout).toBe('')
    },
  )

  it('plugboard-sandbox says in one line which Node it needs, and exits 1', () => {
    const result = spawnSync(oldNode ?? 'node', [sandboxBin, '--port', '0'], { encoding: 'utf8' })
    expect(result.status).toBe(1)
    expect(result.stderr).toBe(
      `plugboard-sandbox needs Node.js 24.11 or later (for node:sqlite); this is Node.js ${version}.\n`,
    )
  })
})
