/**
 * A consumer bundled with code splitting (esbuild `splitting: true`): every module loaded with
 * `import()` becomes a chunk of its own. P3's row bundles without splitting (a lazily imported
 * module counts all the same); this measures, for its notes, what a consumer that lets its bundler
 * split loads up front, what a plain provision loads, and the whole.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build, type Metafile, type Plugin } from 'esbuild'
import { CONSUMER_BUILD } from './consumer-build.ts'

/** The gzip sizes of a split bundle, in bytes. */
export interface SplitSizes {
  /** The entry chunk and the chunks it imports statically: what loads before any call. */
  readonly upFront: number
  /**
   * What a plain provision loads: the above, and the chunks it imports when it first sends (ky,
   * with what it imports). Chunks only an OAuth connector, `providerData` or a provisioning key
   * loads are left out.
   */
  readonly plainProvision: number
  /** Every chunk. */
  readonly total: number
  /** How many chunks. */
  readonly chunks: number
}

/** A module of ky's package. */
const KY = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?ky\//

/** The output chunks reached from `from` by static imports, `from` included. */
function staticClosure(outputs: Metafile['outputs'], from: string, into: Set<string>): void {
  if (into.has(from)) return
  into.add(from)
  for (const imported of outputs[from]?.imports ?? []) {
    if (imported.kind === 'import-statement' && !imported.external) {
      staticClosure(outputs, imported.path, into)
    }
  }
}

/** Bundles `contents` (resolved from `resolveDir`) with splitting, minified, and gzips each chunk. */
export async function splitBundle(
  contents: string,
  resolveDir: string,
  plugins: Plugin[] = [],
): Promise<SplitSizes> {
  const work = mkdtempSync(join(tmpdir(), 'plugboard-split-'))
  try {
    const result = await build({
      stdin: { contents, resolveDir, sourcefile: 'consumer.ts', loader: 'ts' },
      ...CONSUMER_BUILD,
      splitting: true,
      outdir: work,
      plugins,
    })
    const gzipped = new Map<string, number>()
    for (const file of result.outputFiles) {
      const path = Object.keys(result.metafile.outputs).find((key) => resolve(key) === file.path)
      if (path !== undefined) gzipped.set(path, gzipSync(file.contents, { level: 9 }).byteLength)
    }
    const outputs = result.metafile.outputs
    const entry = Object.keys(outputs).find((path) => outputs[path]?.entryPoint !== undefined)
    if (entry === undefined) throw new Error('esbuild produced no entry chunk')
    const upFront = new Set<string>()
    staticClosure(outputs, entry, upFront)
    const plain = new Set(upFront)
    for (const [path, output] of Object.entries(outputs)) {
      const inputs = Object.keys(output.inputs)
      if (inputs.some((input) => KY.test(input))) staticClosure(outputs, path, plain)
    }
    const sum = (paths: Iterable<string>) => {
      let bytes = 0
      for (const path of paths) bytes += gzipped.get(path) ?? 0
      return bytes
    }
    return {
      upFront: sum(upFront),
      plainProvision: sum(plain),
      total: sum(gzipped.keys()),
      chunks: gzipped.size,
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
