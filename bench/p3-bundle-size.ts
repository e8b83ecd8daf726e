/**
 * P3: what plugboard adds to a consumer's bundle. Bundles (esbuild: bundle, minify, ESM, browser
 * platform) an entry that imports `createPlatformClient` and the Chargebee connector and
 * provisions one instance, then gzips the output with `node:zlib`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { type BenchRow, progress, runAlone } from './lib/row.ts'

const TARGET_KB = 12

const ENTRY = `import { chargebee } from '@plugboard/connector-chargebee'
import { createPlatformClient } from '@plugboard/core'

const client = createPlatformClient({
  baseUrl: 'https://platform.example.test/your_moms/api-v2',
  userSecret: 'user-secret',
  organizationSecret: 'organization-secret',
})
const instance = await client.provision(chargebee, {
  name: 'Acme billing',
  configuration: { site: 'acme-test', username: 'test_key' },
  tags: ['billing'],
})
console.log(instance.id)
`

const here = dirname(fileURLToPath(import.meta.url))

/** The size of one bundled module in the metafile, for the notes. */
interface Contribution {
  readonly path: string
  readonly bytes: number
}

/** Runs P3 and returns its row. */
export async function run(): Promise<BenchRow> {
  progress('P3: esbuild bundle of a consumer that provisions one Chargebee instance')
  const work = mkdtempSync(join(tmpdir(), 'plugboard-p3-'))
  try {
    const result = await bundle(join(work, 'consumer.js'), [])
    const withoutKy = await bundle(join(work, 'consumer-without-ky.js'), ['ky'])
    const output = result.outputFiles[0]
    if (output === undefined) throw new Error('esbuild produced no output')
    writeFileSync(output.path, output.contents)
    const minified = output.contents.byteLength
    const gzipped = gzip(output.contents)
    const kb = gzipped / 1024
    const inputs = Object.values(result.metafile.outputs)[0]?.inputs ?? {}
    const byPackage = new Map<string, number>()
    for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
      const name = packageOf(path)
      byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput)
    }
    const contributions: Contribution[] = [...byPackage]
      .map(([path, bytes]) => ({ path, bytes }))
      .sort((a, b) => b.bytes - a.bytes)
    return {
      id: 'P3',
      measures: 'consumer bundle: core + chargebee, provision once (min+gzip)',
      baseline: '—',
      plugboard: `${kb.toFixed(1)} KB gzip`,
      ratio: `${(kb / TARGET_KB).toFixed(2)}× budget`,
      target: `≤ ${TARGET_KB} KB gzip`,
      pass: kb <= TARGET_KB,
      notes: [
        `esbuild bundle + minify, ESM, platform browser; gzip level 9 with node:zlib: ${gzipped} bytes (${minified} bytes minified).`,
        `Without ky (left external) the same bundle is ${(gzip(withoutKy.outputFiles[0]?.contents ?? new Uint8Array()) / 1024).toFixed(1)} KB gzip.`,
        `Minified bytes by package: ${contributions.map((c) => `${c.path} ${(c.bytes / 1024).toFixed(1)} KB`).join(', ')}.`,
      ],
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

function bundle(outfile: string, external: string[]) {
  return build({
    stdin: { contents: ENTRY, resolveDir: here, sourcefile: 'consumer.ts', loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2023',
    write: false,
    metafile: true,
    logLevel: 'silent',
    external,
    outfile,
  })
}

function gzip(bytes: Uint8Array): number {
  return gzipSync(bytes, { level: 9 }).byteLength
}

function packageOf(path: string): string {
  const match = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(path)
  if (match?.[1] !== undefined) return match[1]
  const workspace = /packages\/([^/]+)\//.exec(path)
  if (workspace?.[1] !== undefined) return `@plugboard/${workspace[1]}`
  return path
}

if (import.meta.main) await runAlone(run)
