import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { SHIPPED_CONNECTORS_FILE } from './config.js'

/** The root devDependencies a scratch workspace needs to run the generator, turbo and biome. */
const ROOT_TOOLS = [
  '@biomejs/biome',
  '@turbo/gen',
  '@types/node',
  'tsdown',
  'turbo',
  'typescript',
  'typescript-native',
  'vitest',
] as const

/** The root scripts that build, test and type-check the connectors, all of them at once. */
const CONNECTOR_SCRIPTS = ['build:connectors', 'test:connectors', 'typecheck:connectors'] as const

/** Root files the generated package builds, tests and lints against. */
const ROOT_FILES = [
  'biome.json',
  'pnpm-lock.yaml',
  'pnpm-workspace.yaml',
  'tsconfig.base.json',
  'scripts/build-connectors.ts',
  'scripts/tsc-native.ts',
  'scripts/typescript-native.ts',
  'vitest.connectors.config.ts',
  'turbo.json',
  'vitest.shared.ts',
  '.changeset/config.json',
] as const

/** What a connector package needs to build and test, without its build output or links. */
const PACKAGE_FILES = [
  'package.json',
  'tsconfig.json',
  'tsdown.config.ts',
  'vitest.config.ts',
  'src',
]

/**
 * Lays out a small workspace in a temporary folder for the generator's end-to-end test: the root
 * configuration, the generator, `@plugboard/core` (sources and the build the repository already
 * made: core's own build is tested by the repository's gate, not again here), the manifests of the
 * connectors the repository holds (so the generator can refuse their keys) and the sandbox's
 * manifest and shipped-connectors list (which the generator adds the new connector to). Installing it links
 * from the pnpm store the workspace already filled, offline, in seconds: a full copy of the
 * repository would install the Node runtime and every tool again.
 */
export function createScratchWorkspace(root: string): string {
  const scratch = mkdtempSync(path.join(tmpdir(), 'plugboard-generator-'))
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
  const devDependencies = Object.fromEntries(
    ROOT_TOOLS.map((name) => [name, manifest.devDependencies[name] as string]),
  )
  writeFileSync(
    path.join(scratch, 'package.json'),
    `${JSON.stringify(
      {
        name: 'plugboard-generator-scratch',
        private: true,
        type: 'module',
        packageManager: manifest.packageManager,
        scripts: Object.fromEntries(
          CONNECTOR_SCRIPTS.map((name) => [name, manifest.scripts[name] as string]),
        ),
        devDependencies,
      },
      null,
      2,
    )}\n`,
  )
  writeFileSync(path.join(scratch, '.gitignore'), 'node_modules\ndist\n.turbo\n')
  for (const file of ROOT_FILES) copy(root, scratch, file)
  cpSync(path.join(root, 'turbo', 'generators'), path.join(scratch, 'turbo', 'generators'), {
    recursive: true,
    filter: (source) => !source.includes(`${path.sep}node_modules`),
  })
  if (!existsSync(path.join(root, 'packages', 'core', 'dist', 'index.d.ts'))) {
    throw new Error(
      'Build @plugboard/core first (pnpm build): the scratch workspace reuses its dist/',
    )
  }
  for (const file of [...PACKAGE_FILES, 'dist']) {
    copy(root, scratch, path.join('packages', 'core', file))
  }
  // The shipped list the generator adds the new connector to, and the manifest it adds it to.
  for (const file of ['package.json', SHIPPED_CONNECTORS_FILE.replace('packages/sandbox/', '')]) {
    copy(root, scratch, path.join('packages', 'sandbox', file))
  }
  for (const directory of readdirSync(path.join(root, 'packages'))) {
    if (!directory.startsWith('connector-')) continue
    mkdirSync(path.join(scratch, 'packages', directory), { recursive: true })
    copy(root, scratch, path.join('packages', directory, 'package.json'))
  }
  return scratch
}

function copy(from: string, to: string, relative: string): void {
  mkdirSync(path.dirname(path.join(to, relative)), { recursive: true })
  cpSync(path.join(from, relative), path.join(to, relative), { recursive: true })
}
