// Builds every connector package (`packages/connector-*` with a `src/index.ts`) in one process:
// `pnpm build:connectors`. A connector is small, so most of a build is TypeScript reading the
// standard library's declarations for the package's `.d.ts`; one process reads them once for all
// connectors instead of once per package. Each package gets its own `dist/` (`index.js` and
// `index.d.ts`), as it would from building it alone.
//
// A connector is platform-neutral data: its declarations are made against ES2023 alone, without
// the DOM's or Node's types. The published packages' shape (publint, are-the-types-wrong) is
// checked on the packed tarballs by the demo's packaging test.

import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { build } from 'tsdown'

const packages = path.resolve(import.meta.dirname, '..', 'packages')
const connectors = readdirSync(packages)
  .filter((name) => name.startsWith('connector-'))
  .map((name) => path.join(packages, name))
  .filter((directory) => existsSync(path.join(directory, 'src', 'index.ts')))
  .sort()

for (const directory of connectors) {
  await build({
    config: false,
    cwd: directory,
    entry: ['src/index.ts'],
    format: 'esm',
    platform: 'neutral',
    dts: { compilerOptions: { lib: ['es2023'], types: [] } },
    logLevel: 'warn',
  })
}
console.log(`built ${connectors.length} connector packages`)
