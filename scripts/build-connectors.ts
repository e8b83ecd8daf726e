// Builds every connector package (`packages/connector-*` with a `src/index.ts`):
// `pnpm build:connectors`. Each package gets its own `dist/`: `index.js`, bundled by tsdown, and
// the declarations of its sources (`index.d.ts` and the files it imports).
//
// The declarations of all connectors come from one run of TypeScript 7's native compiler
// (`scripts/tsc-native.ts`): a connector is small, so most of a declaration build is reading the
// standard library's and the dependencies' declarations, and one program reads them once for all
// connectors. A connector is platform-neutral data: its declarations are made against ES2023
// alone, without the DOM's or Node's types. The published packages' shape (publint,
// are-the-types-wrong) is checked on the packed tarballs by the demo's packaging test.

import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { build } from 'tsdown'

const root = path.resolve(import.meta.dirname, '..')
const packages = path.join(root, 'packages')
const connectors = readdirSync(packages)
  .filter((name) => name.startsWith('connector-'))
  .filter((name) => existsSync(path.join(packages, name, 'src', 'index.ts')))
  .sort()

const scratch = mkdtempSync(path.join(tmpdir(), 'plugboard-connector-declarations-'))
try {
  const tsconfig = path.join(scratch, 'tsconfig.json')
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: path.join(root, 'tsconfig.base.json'),
      compilerOptions: {
        lib: ['es2023'],
        types: [],
        noEmit: false,
        declaration: true,
        emitDeclarationOnly: true,
        sourceMap: false,
        // The type-check tasks check these sources; this run only writes their declarations.
        noCheck: true,
        rootDir: packages,
        outDir: path.join(scratch, 'out'),
      },
      // Each package's entry and what it imports; its tests are not part of the package.
      files: connectors.map((name) => path.join(packages, name, 'src', 'index.ts')),
    }),
  )
  execFileSync(
    process.execPath,
    [path.join(import.meta.dirname, 'tsc-native.ts'), '-p', tsconfig],
    {
      stdio: 'inherit',
    },
  )

  for (const name of connectors) {
    const directory = path.join(packages, name)
    await build({
      config: false,
      cwd: directory,
      entry: ['src/index.ts'],
      format: 'esm',
      platform: 'neutral',
      dts: false,
      logLevel: 'warn',
    })
    cpSync(path.join(scratch, 'out', name, 'src'), path.join(directory, 'dist'), {
      recursive: true,
    })
  }
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
console.log(`built ${connectors.length} connector packages`)
