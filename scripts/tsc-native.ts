// Type-checks with TypeScript 7's native compiler: `node scripts/tsc-native.ts -p tsconfig.json`
// (any `tsc` arguments). The gate's type-check tasks run on it; it checks the same code about three
// times faster than TypeScript 6 and spends a third of the CPU.
//
// TypeScript 6 stays the repository's `typescript`: typedoc needs its compiler API, which
// TypeScript 7 does not have yet. TypeScript 7 is installed beside it under the alias
// `typescript-native`. Both packages name their command `tsc`, so the bare `tsc` at the root may be
// either: scripts call this file (or `typescript/bin/tsc`) instead.

import { nativeLauncher } from './typescript-native.ts'

await import(nativeLauncher)
