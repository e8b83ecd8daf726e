import type { UserConfig } from 'tsdown'

/**
 * The build every connector package shares (`"build": "tsdown -c ../../tsdown.connector.ts"`,
 * run in the package's folder). A connector is platform-neutral data: its declarations are made
 * against ES2023 alone, without the DOM's or Node's types, which is most of what a TypeScript
 * program would otherwise parse. The published packages' shape (publint, are-the-types-wrong) is
 * checked once, on the packed tarballs, by the demo's packaging test. (A plain object: the
 * repository's root does not depend on tsdown, each connector does.)
 */
export default {
  // Paths are the connector's own: tsdown would otherwise resolve them from this file's folder.
  cwd: process.cwd(),
  entry: ['src/index.ts'],
  format: 'esm',
  platform: 'neutral',
  dts: { compilerOptions: { lib: ['es2023'], types: [] } },
} satisfies UserConfig
