/** How P3 bundles a consumer, written once for its single bundle and its code-split one. */
import type { BuildOptions } from 'esbuild'

/** esbuild's options for a consumer bundle: one minified ES module for a browser, in memory. */
export const CONSUMER_BUILD = {
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2023',
  write: false,
  metafile: true,
  logLevel: 'silent',
} as const satisfies BuildOptions
