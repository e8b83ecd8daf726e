import { defineConfig, type UserConfig } from 'tsdown'

const shared: UserConfig = {
  format: 'esm',
  platform: 'neutral',
  dts: true,
  deps: { neverBundle: ['vitest'] },
}

// Two builds, not one with two entries: each entry is then one self-contained module, so
// importing '@plugboard/core' loads a single file (no shared chunk to resolve and compile at
// start-up). The kit's copy of core's classes is harmless: every error class is recognised by its
// Symbol.for brand, whichever copy made it.
export default defineConfig([
  { ...shared, entry: ['src/index.ts'] },
  { ...shared, entry: ['src/events.ts'], clean: false },
  {
    ...shared,
    entry: ['src/testing.ts'],
    clean: false,
    publint: true,
    attw: { profile: 'esm-only' },
  },
])
