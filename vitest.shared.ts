import type { ViteUserConfig } from 'vitest/config'

/** Test settings every package's vitest project shares (type tests on, a fixed fake-timer-free env). */
export const sharedTest = {
  include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  typecheck: {
    enabled: true,
    include: ['src/**/*.test-d.ts', 'test/**/*.test-d.ts'],
    tsconfig: './tsconfig.json',
  },
  testTimeout: 20_000,
} satisfies NonNullable<ViteUserConfig['test']>
