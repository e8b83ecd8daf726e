import type { ViteUserConfig } from 'vitest/config'

/**
 * Test settings every package's vitest project shares. The time limits are ceilings that catch a
 * hang on a busy 2-core machine, never a prediction of how fast a test runs: tests wait for events
 * (a port open, a line printed), not for time to pass.
 *
 * Type tests (`*.test-d.ts`, `expectTypeOf`) are not run here: each package's TypeScript check
 * (`typecheck`, and `typecheck:connectors` for the connectors) compiles them with everything else,
 * and a broken type promise is a compile error there. Running them in vitest too would compile
 * each package a second time.
 *
 * Test files run three at a time. vitest's default is one fewer than the cores, which is one on a
 * 2-core machine; most of these tests wait on sockets and child processes, so a core would sit
 * idle while one file waits.
 *
 * Files share their worker's module graph (`isolate: false`): no test mocks a module, stubs a
 * global or edits the environment, and every test builds its own servers, stores and clients, so
 * re-importing the packages for each file only cost CPU (about half of core's and the sandbox's).
 */
export const sharedTest = {
  include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  maxWorkers: 3,
  isolate: false,
  testTimeout: 180_000,
  hookTimeout: 180_000,
} satisfies NonNullable<ViteUserConfig['test']>
