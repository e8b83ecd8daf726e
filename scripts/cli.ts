// `pnpm cli …` and `pnpm demo`: build what the demo CLI needs, then run it with the arguments.
// The build says one line per package it has to build (the first run builds them all, which
// takes a minute or two) and nothing when everything is cached; its output is shown only when
// it fails. The CLI's exit code, and Ctrl-C (exit 130), pass through.
// Run on Node 24 (`node scripts/cli.ts`, as the root package.json's scripts do).
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

const root = new URL('..', import.meta.url).pathname
const args = process.argv.slice(2)

/**
 * The package a line of turbo's `--output-logs=hash-only` output starts building, if any (the
 * connector packages are built together, by the root's `build:connectors`).
 */
export function packageBuilt(line: string): string | undefined {
  const [, name, task] = /^(\S+):(build(?::connectors)?): cache miss, executing/.exec(line) ?? []
  return task === 'build:connectors' ? 'the connector packages' : name
}

function build(): Promise<number> {
  const turbo = spawn(
    join(root, 'node_modules', '.bin', 'turbo'),
    ['run', 'build', '--filter=@plugboard/demo...', '--output-logs=hash-only'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } },
  )
  const output: string[] = []
  let announced = false
  for (const stream of [turbo.stdout, turbo.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      output.push(line)
      const name = packageBuilt(line)
      if (name === undefined) return
      if (!announced) {
        announced = true
        process.stderr.write(
          'Building the demo CLI (the first run takes a minute or two; later runs are cached)\n',
        )
      }
      process.stderr.write(`  building ${name}\n`)
    })
  }
  return new Promise((resolve) => {
    turbo.on('close', (code) => {
      if (code !== 0)
        process.stderr.write(`${output.join('\n')}\nThe build failed (exit ${code}).\n`)
      resolve(code ?? 1)
    })
  })
}

if (import.meta.main) {
  const built = await build()
  if (built !== 0) process.exit(built)
  const cli = spawn(process.execPath, [join(root, 'apps', 'demo', 'dist', 'cli.js'), ...args], {
    stdio: 'inherit',
  })
  // Ctrl-C reaches the CLI too (same terminal): let it decide, then pass its exit code on.
  process.on('SIGINT', () => {})
  process.on('SIGTERM', () => cli.kill('SIGTERM'))
  cli.on('close', (code, signal) => {
    process.exit(code ?? (signal === 'SIGINT' ? 130 : 1))
  })
}
