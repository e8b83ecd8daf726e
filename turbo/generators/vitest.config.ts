import { defineConfig } from 'vitest/config'

// The generator's own project: run with `pnpm exec vitest run --config turbo/generators/vitest.config.ts`.
// Its end-to-end test installs a small scratch workspace offline, then builds, type-checks and tests
// the connector it scaffolds there. The limits are ceilings for a hang, not predictions.
export default defineConfig({
  test: {
    name: 'generators',
    root: import.meta.dirname,
    include: ['*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
})
