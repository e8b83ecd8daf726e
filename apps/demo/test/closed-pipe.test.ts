import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { cli } from './run-cli.js'

/**
 * Runs the built CLI with its standard output a pipe whose reader is closed before the CLI starts
 * (`plugboard-demo connectors | head -c 0`): what it prints on stderr, and its exit code.
 */
function runWithReaderGone(
  args: readonly string[],
): Promise<{ stderr: string; code: number | null }> {
  const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, NO_COLOR: '1' } })
  // Closed at once, before the child has run a line: its first write meets a pipe with no reader.
  child.stdout.destroy()
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  return new Promise((resolve) => child.on('close', (code) => resolve({ stderr, code })))
}

describe('a reader that has gone', () => {
  it.each([
    ['a JSON document', ['connectors', '--json']],
    ['text', ['connectors']],
  ])('ends %s quietly, with no stack trace', async (_, args) => {
    const { stderr, code } = await runWithReaderGone(args)
    expect(stderr).toBe('')
    expect(code).toBe(0)
  })
})
