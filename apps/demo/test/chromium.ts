import { accessSync, constants } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

// The browser tests drive Debian's `chromium` package through playwright-core, which downloads no
// browser of its own. `.ci/run` installs the package; on another machine install it once
// (`apt-get install -y chromium`) or point PLUGBOARD_CHROMIUM at a Chromium or Chrome executable.

/** Where a system Chromium is looked for, in order, after PLUGBOARD_CHROMIUM. */
export const CHROMIUM_CANDIDATES: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
]

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/**
 * The Chromium executable the browser tests launch: PLUGBOARD_CHROMIUM when set (it must then
 * exist), else the first system one found. Throws an error saying how to install one when none is.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.PLUGBOARD_CHROMIUM
  if (chosen !== undefined && chosen !== '') {
    if (isExecutable(chosen)) return chosen
    throw new Error(`PLUGBOARD_CHROMIUM=${chosen} is not an executable file.`)
  }
  const found = CHROMIUM_CANDIDATES.find(isExecutable)
  if (found !== undefined) return found
  throw new Error(
    `No Chromium found (looked for ${CHROMIUM_CANDIDATES.join(', ')}). The OAuth browser tests need one: ` +
      "install Debian's package (apt-get install -y chromium, as .ci/run does) or set PLUGBOARD_CHROMIUM to a Chromium or Chrome executable.",
  )
}

/** Launches the system Chromium headless (no sandbox: CI runs as root). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  })
}
