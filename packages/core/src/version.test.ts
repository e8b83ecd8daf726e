import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { USER_AGENT, VERSION } from './version.js'

it('names plugboard and the package version in the user agent', () => {
  const packageJson = JSON.parse(
    readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
  ) as { version: string }
  expect(VERSION).toBe(packageJson.version)
  expect(USER_AGENT).toBe(`plugboard/${packageJson.version}`)
})
