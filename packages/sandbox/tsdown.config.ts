import { defineConfig } from 'tsdown'
import { nativeCompilerPath } from '../../scripts/typescript-native.ts'

export default defineConfig({
  entry: ['src/index.ts', 'src/cli.ts', 'src/shipped-connectors.ts'],
  format: 'esm',
  platform: 'node',
  fixedExtension: false,
  // The declarations come from TypeScript 7's native compiler (a third of TypeScript 6's CPU).
  dts: { generator: 'tsgo', tsgo: { path: await nativeCompilerPath() } },
})
