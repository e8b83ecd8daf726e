import { defineConfig } from 'vitest/config'

// The generator's own project: run with `pnpm exec vitest run --config turbo/generators/vitest.config.ts`.
// Its end-to-end test installs and builds a scratch copy of the repository, so it is slow (~1 min).
export default defineConfig({
  test: {
    name: 'generators',
    root: import.meta.dirname,
    include: ['*.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
})
