import { spawn, spawnSync } from 'node:child_process'
import { stripVTControlCharacters } from 'node:util'
import { cli } from './run-cli.js'

/** Whether util-linux's `script` is here to run the CLI on a pseudo-terminal. */
export const hasScript = spawnSync('script', ['--version']).status === 0

/**
 * Runs the built CLI on a pseudo-terminal, as a person at a terminal would, answering each prompt
 * when its text appears on the screen after the previous answer (an answer is typed and followed
 * by Enter; a control character such as Ctrl-C, `\u0003`, is sent alone). Resolves with the exit
 * code and the screen, control sequences stripped.
 */
export function onTerminal(
  args: readonly string[],
  answers: readonly [string, string][],
  env: Record<string, string> = {},
): Promise<{ code: number | null; screen: string }> {
  // A pseudo-terminal made off a terminal has no size: give it one, or every character wraps.
  const command = `stty cols 160 rows 40; exec ${[process.execPath, cli, ...args].map((part) => `'${part}'`).join(' ')}`
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    env: { ...process.env, NO_COLOR: '1', ...env },
  })
  let screen = ''
  let next = 0
  let seen = 0
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString('utf8')
    const answer = answers[next]
    const fresh = stripVTControlCharacters(screen).slice(seen)
    if (answer !== undefined && fresh.includes(answer[0])) {
      next += 1
      seen = stripVTControlCharacters(screen).length
      const control = answer[1].length === 1 && answer[1].charCodeAt(0) < 0x20
      child.stdin.write(control ? answer[1] : `${answer[1]}\r`)
    }
  })
  return new Promise((resolve) => {
    child.on('close', (code) => resolve({ code, screen: stripVTControlCharacters(screen) }))
  })
}
