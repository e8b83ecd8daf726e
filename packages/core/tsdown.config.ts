import { readFileSync } from 'node:fs'
import path from 'node:path'
import { defineConfig, type Rolldown, type UserConfig } from 'tsdown'
import { nativeCompilerPath } from '../../scripts/typescript-native.ts'

const source = path.resolve(import.meta.dirname, 'src')

/**
 * The protocol's modules of plain facts: `src/protocol/plain-facts.ts` and the modules it
 * re-exports, read from its `from './….js'` clauses (the file is the one list of them).
 */
const plainFacts = new Set([
  'plain-facts',
  ...[
    ...readFileSync(path.join(source, 'protocol', 'plain-facts.ts'), 'utf8').matchAll(
      /from '\.\/([\w-]+)\.js'/g,
    ),
  ].map((match) => match[1] as string),
])

/**
 * Keeps the other entries of this package external: an import that resolves into `src/protocol/`
 * becomes `@plugboard/core/protocol`, one of `src/index.ts` (with `core`) `@plugboard/core`. So the
 * conformance kit checks the app's copy of core instead of bundling its own, and the client and
 * the sandbox share one protocol module. An import of the protocol's plain facts becomes the
 * chunk that holds them alone (`protocol/plain-facts.js`, which the protocol entry imports too),
 * so that importing the main entry does not evaluate the wire schemas (P4).
 */
function entriesAsPackages(core: boolean): Rolldown.Plugin {
  return {
    name: 'plugboard:entry-as-package',
    resolveId(id, importer) {
      if (importer === undefined || !id.startsWith('.')) return null
      const target = path
        .resolve(path.dirname(importer), id)
        .replace(/\.d\.ts$/, '')
        .replace(/\.[jt]s$/, '')
      const relative = path.relative(source, target)
      if (relative.startsWith(`protocol${path.sep}`)) {
        return plainFacts.has(path.basename(relative))
          ? { id: './protocol/plain-facts.js', external: true }
          : { id: '@plugboard/core/protocol', external: true }
      }
      return core && relative === 'index' ? { id: '@plugboard/core', external: true } : null
    },
  }
}

const shared: UserConfig = {
  format: 'esm',
  platform: 'neutral',
  // The declarations come from TypeScript 7's native compiler (a third of TypeScript 6's CPU).
  dts: { generator: 'tsgo', tsgo: { path: await nativeCompilerPath() } },
  deps: { neverBundle: ['vitest', /^@plugboard\/core/] },
}

// One build per entry (the main and definitions entries excepted, see below): each entry is one
// module, and each imports the others by package name.
export default defineConfig([
  // The whole of dist/ is emptied once, before any of the builds writes: the chunks' names change
  // with their content, and a stale chunk must not be packed.
  // The protocol entry and its plain facts, a chunk of their own that the other entries import.
  {
    ...shared,
    entry: ['src/protocol/index.ts', 'src/protocol/plain-facts.ts'],
    outDir: 'dist/protocol',
    clean: ['dist'],
    // The facts' chunk is their entry itself, not a facade over a third file.
    inputOptions: { preserveEntrySignatures: 'allow-extension' },
  },
  // The main entry and the light definitions entry are built together: what both hold (the
  // definition helpers and what they import) is one chunk, `define.js`, which the main entry
  // imports, so each class and schema exists once and a connector loads that chunk alone. The
  // chunk is the definitions entry itself, not a facade over a third file (one module fewer to
  // load for every import, P4), so it also exports, under short names its declarations do not
  // list, the few internals the main entry takes from it (the error base class and its brand).
  {
    ...shared,
    entry: ['src/index.ts', 'src/define.ts'],
    clean: false,
    inputOptions: { preserveEntrySignatures: 'allow-extension' },
    plugins: [entriesAsPackages(false)],
  },
  {
    ...shared,
    entry: ['src/events.ts'],
    clean: false,
    plugins: [entriesAsPackages(true)],
  },
  {
    ...shared,
    entry: ['src/testing.ts'],
    clean: false,
    plugins: [entriesAsPackages(true)],
  },
])
