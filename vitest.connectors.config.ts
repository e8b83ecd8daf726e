import { defineConfig } from 'vitest/config'

/**
 * Every connector package's tests in one vitest run (`pnpm test:connectors`): each package stays a
 * project of its own (its `vitest.config.ts`), without a vitest start per package.
 */
export default defineConfig({ test: { projects: ['packages/connector-*/vitest.config.ts'] } })
