import { describe, expect, it } from 'vitest'
import { CHROMIUM_CANDIDATES, findChromium } from './chromium.js'

describe('findChromium (the browser tests drive the system Chromium)', () => {
  it('takes PLUGBOARD_CHROMIUM when it is an executable, and names it when it is not', () => {
    expect(findChromium({ PLUGBOARD_CHROMIUM: process.execPath })).toBe(process.execPath)
    expect(() => findChromium({ PLUGBOARD_CHROMIUM: '/nowhere/chromium' })).toThrow(
      'PLUGBOARD_CHROMIUM=/nowhere/chromium is not an executable file.',
    )
  })

  it("finds Debian's chromium, which .ci/run installs", () => {
    expect(CHROMIUM_CANDIDATES).toContain(findChromium({}))
  })
})
