import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { parseArgs } from 'node:util'

/** The options of `pnpm gen:connector --from-platform <key>`. */
export interface FromPlatformArguments {
  readonly key: string
  readonly baseUrl?: string | undefined
}

/**
 * Reads `--from-platform <key> [--base-url <url>]`; `undefined` when the arguments are the
 * template generator's (`--args <key> <name> <hub>` or none: plop asks).
 */
export function parseFromPlatform(argv: readonly string[]): FromPlatformArguments | undefined {
  if (!argv.includes('--from-platform')) return undefined
  const { values } = parseArgs({
    args: [...argv],
    options: { 'from-platform': { type: 'string' }, 'base-url': { type: 'string' } },
    strict: true,
  })
  const key = values['from-platform'] ?? ''
  return { key, baseUrl: values['base-url'] }
}

async function main(argv: readonly string[]): Promise<number> {
  const root = path.resolve(import.meta.dirname, '..', '..')
  const options = parseFromPlatform(argv)
  if (options === undefined) {
    // The template generator: `turbo gen connector`, with the arguments as given.
    const pnpm = process.platform === 'win32' ? 'pnpm.cmd' : 'pnpm'
    return (
      spawnSync(pnpm, ['turbo', 'gen', 'connector', ...argv], { cwd: root, stdio: 'inherit' })
        .status ?? 1
    )
  }
  // The reader needs the sandbox and core built.
  const build = spawnSync(
    'pnpm',
    ['turbo', 'run', 'build', '--filter=@plugboard/sandbox...', '--output-logs=errors-only'],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  )
  if (build.status !== 0) return build.status ?? 1
  const { readDescription } = await import('./from-platform/read.ts')
  const { writePackage } = await import('./from-platform/write.ts')
  const description = await readDescription(options.key, {
    baseUrl: options.baseUrl,
    userSecret: process.env.PLUGBOARD_USER_SECRET,
    organizationSecret: process.env.PLUGBOARD_ORGANIZATION_SECRET,
  })
  const result = writePackage(root, options.key, description)
  process.stdout.write(
    `${result.created ? 'wrote' : 'regenerated'} ${result.directory} from ${description.origin}\n` +
      `next: pnpm install && pnpm build:connectors && pnpm test:connectors && pnpm typecheck:connectors\n`,
  )
  return 0
}

if (import.meta.main) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      process.stderr.write(
        `gen:connector: ${error instanceof Error ? error.message : String(error)}\n`,
      )
      process.exitCode = 1
    },
  )
}
