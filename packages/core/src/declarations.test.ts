import { readdirSync, readFileSync } from 'node:fs'
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
    // The protocol's plain facts are one chunk, which the main and protocol entries import; the
    // wire schemas are the protocol entry's, which the main entry imports on its first request.
    const index = built('index.js')
    expect(index).toMatch(/from "\.\/protocol\/plain-facts\.js"/)
    expect(index).not.toMatch(/from "@plugboard\/core\/protocol"/)
    expect(index).not.toContain('elements-next-page-token')
    const schemaChunks = readdirSync(new URL('../dist/', import.meta.url)).filter((file) =>
      /^(answer|management)-schemas-[\w-]+\.js$/.test(file),
    )
    expect(schemaChunks).toHaveLength(2)
    for (const chunk of schemaChunks) {
      expect(built(chunk), chunk).toMatch(
        /^export \{[^}]+\} from "@plugboard\/core\/protocol";\s*$/,
      )
    }
    const protocol = built('protocol/index.js')
    expect(protocol).toMatch(/from "\.\/plain-facts\.js"/)
    expect(protocol).not.toContain('elements-next-page-token')
    expect(built('protocol/plain-facts.js')).toContain('elements-next-page-token')
  })
})
