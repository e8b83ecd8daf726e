// Where TypeScript 7's native compiler is: the `typescript-native` alias (TypeScript 7.0) installed
// beside the repository's TypeScript 6. See `tsc-native.ts` for why both are installed.

import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const directory = path.dirname(
  createRequire(import.meta.url).resolve('typescript-native/package.json'),
)

/** The package's launcher script: it runs the native binary with this process's arguments. */
export const nativeLauncher = pathToFileURL(path.join(directory, 'lib', 'tsc.js')).href

/** The native compiler's executable for this platform (tsdown's declaration builds run it). */
export async function nativeCompilerPath(): Promise<string> {
  const module = await import(pathToFileURL(path.join(directory, 'lib', 'getExePath.js')).href)
  return module.default()
}
