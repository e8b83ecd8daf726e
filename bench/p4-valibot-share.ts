/**
 * For P4's notes: what valibot's module costs a cold start, against the few of its functions
 * plugboard's schemas call. Those functions are bundled alone (esbuild, from valibot as core
 * resolves it: what a build of core that carried them would load instead of the package) and a
 * fresh process imports either, side by side; the figure is its CPU time for the import.
 */

import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { execPath } from 'node:process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { median } from './lib/stats.ts'

/** What valibot's module costs against the functions plugboard calls. */
export interface ValibotShare {
  /** How many names valibot's module exports. */
  readonly exports: number
  /** How many of its functions the built modules call. */
  readonly used: number
  /** Median CPU time (ms) of a fresh process importing valibot's module. */
  readonly whole: number
  /** Median CPU time (ms) of a fresh process importing those functions bundled alone. */
  readonly bundled: number
}

/** The valibot functions the given built modules call (`v.string(…)`). */
function valibotCalls(files: readonly string[]): string[] {
  const names = new Set<string>()
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\bv\.([a-z][A-Za-z]*)\(/g)) {
      if (match[1] !== undefined) names.add(match[1])
    }
  }
  return [...names].sort()
}

/** CPU time (ms) of a fresh process for importing `url`, its own start left out. */
function importCpu(url: string): number {
  const code = [
    'const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }',
    'const before = cpu()',
    `await import(${JSON.stringify(url)})`,
    'console.log(cpu() - before)',
  ].join('\n')
  const result = spawnSync(execPath, ['--input-type=module', '-e', code])
  if (result.status !== 0) throw new Error(`importing ${url} failed: ${String(result.stderr)}`)
  return Number(String(result.stdout))
}

/**
 * Measures valibot's module (`valibotUrl`) against the functions `builtModules` (file paths of
 * built JavaScript) call, bundled alone, in `rounds` interleaved pairs of fresh processes.
 */
export async function valibotShare(
  valibotUrl: string,
  builtModules: readonly string[],
  rounds: number,
): Promise<ValibotShare> {
  const used = valibotCalls(builtModules)
  const exports = Object.keys(await import(valibotUrl)).length
  const scratch = mkdtempSync(join(tmpdir(), 'plugboard-p4-valibot-'))
  try {
    const bundle = await build({
      stdin: {
        contents: `export { ${used.join(', ')} } from ${JSON.stringify(fileURLToPath(valibotUrl))}`,
        resolveDir: dirname(fileURLToPath(valibotUrl)),
        loader: 'js',
      },
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      write: false,
    })
    const file = join(scratch, 'valibot-used.mjs')
    writeFileSync(file, bundle.outputFiles[0]?.text ?? '')
    const bundledUrl = pathToFileURL(file).href
    const whole: number[] = []
    const bundled: number[] = []
    for (let round = 0; round < rounds; round++) {
      const pair = [
        () => whole.push(importCpu(valibotUrl)),
        () => bundled.push(importCpu(bundledUrl)),
      ]
      for (const measure of round % 2 === 0 ? pair : pair.reverse()) measure()
    }
    return { exports, used: used.length, whole: median(whole), bundled: median(bundled) }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}
