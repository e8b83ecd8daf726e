import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

/** A file of the built package (the test task runs after the build). */
const built = (file: string): string =>
  readFileSync(new URL(`../dist/${file}`, import.meta.url), 'utf8')

describe('the built entries', () => {
  it('keep ky out of every public declaration', () => {
    for (const file of ['index.d.ts', 'protocol/index.d.ts', 'testing.d.ts']) {
      expect(built(file), file).not.toMatch(/["']ky["']/)
    }
  })

  it('import each other by package name instead of bundling copies', () => {
    const testing = built('testing.js')
    expect(testing).toMatch(/from "@plugboard\/core"/)
    expect(testing).not.toMatch(/class ConfigurationError|function createRegistry/)
    const index = built('index.js')
    expect(index).toMatch(/from "@plugboard\/core\/protocol"/)
    expect(index).not.toContain('elements-next-page-token')
    expect(built('protocol/index.js')).toContain('elements-next-page-token')
  })
})
