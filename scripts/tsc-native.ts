// Type-checks with TypeScript 7's native compiler: `node scripts/tsc-native.ts -p tsconfig.json`
// (any `tsc` arguments). The gate's type-check tasks run on it; it checks the same code about three
// times faster than TypeScript 6 and spends a third of the CPU.
//
// TypeScript 6 stays the repository's `typescript`: typedoc and tsdown's declaration build need its
// compiler API, which TypeScript 7 does not have yet. TypeScript 7 is installed beside it under the
// alias `typescript-native`. Both packages name their command `tsc`, so the bare `tsc` at the root
// may be either: scripts call this file (or `typescript/bin/tsc`) instead.

import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const manifest = createRequire(import.meta.url).resolve('typescript-native/package.json')
// The package's own launcher: it finds the native binary for this platform and runs it with this
// process's arguments.
await import(pathToFileURL(path.join(path.dirname(manifest), 'lib', 'tsc.js')).href)
