import type { ViteUserConfig } from 'vitest/config'

/**
 * Test settings every package's vitest project shares (type tests on, a fixed fake-timer-free env).
 * The time limits are ceilings that catch a hang on a busy 2-core machine, never a prediction of how
 * fast a test runs: tests wait for events (a port open, a line printed), not for time to pass.
 */
export const sharedTest = {
  include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  typecheck: {
    enabled: true,
    include: ['src/**/*.test-d.ts', 'test/**/*.test-d.ts'],
    tsconfig: './tsconfig.json',
  },
  testTimeout: 180_000,
  hookTimeout: 180_000,
} satisfies NonNullable<ViteUserConfig['test']>
