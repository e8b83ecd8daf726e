import { spawn } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'

// Opens a URL in the user's browser with the system's opener: `open` on macOS, the URL handler of
// rundll32 on Windows (no shell parses the URL's `&`), `xdg-open` elsewhere. Where there is none (a server, a container) the caller
// prints the URL instead.

/** The command that opens a URL on this platform, as [program, ...arguments before the URL]. */
export function openerFor(platform: NodeJS.Platform): readonly [string, ...string[]] {
  if (platform === 'darwin') return ['open']
  if (platform === 'win32') return ['rundll32', 'url.dll,FileProtocolHandler']
  return ['xdg-open']
}

function onPath(program: string, env: NodeJS.ProcessEnv): boolean {
  if (process.platform === 'win32') return true
  return (env.PATH ?? '').split(delimiter).some((folder) => {
    try {
      accessSync(join(folder, program), constants.X_OK)
      return true
    } catch {
      return false
    }
  })
}

/**
 * Whether a browser can be opened here: an opener on PATH and, on Linux and the BSDs, a display
 * (DISPLAY or WAYLAND_DISPLAY) for it to open one on.
 */
export function canOpenBrowser(env: NodeJS.ProcessEnv = process.env): boolean {
  const [program] = openerFor(process.platform)
  if (!onPath(program, env)) return false
  if (process.platform === 'darwin' || process.platform === 'win32') return true
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY)
}

/**
 * Opens `url` in the browser, detached; resolves true once the opener started, false when it
 * could not (the caller then prints the URL).
 */
export function openBrowser(url: string): Promise<boolean> {
  if (!canOpenBrowser()) return Promise.resolve(false)
  const [program, ...args] = openerFor(process.platform)
  return new Promise((resolve) => {
    const child = spawn(program, [...args, url], { detached: true, stdio: 'ignore' })
    child.once('error', () => resolve(false))
    child.once('spawn', () => {
      child.unref()
      resolve(true)
    })
  })
}
