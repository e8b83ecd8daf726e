/**
 * P3: what plugboard adds to a consumer's bundle. Bundles (esbuild: bundle, minify, ESM, browser
 * platform) an entry that imports `createProvisioningClient` and the Chargebee connector and
 * provisions one instance, then gzips the output with `node:zlib`. The same consumer written
 * with `createPlatformClient` (which brings the management API) is measured for the notes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { type BenchRow, progress, runAlone } from './lib/row.ts'

const TARGET_KB = 15

const consumer = (
  create: string,
): string => `import { chargebee } from '@plugboard/connector-chargebee'
import { ${create} } from '@plugboard/core'

const client = ${create}({
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

const ENTRY = consumer('createProvisioningClient')
const FULL_CLIENT_ENTRY = consumer('createPlatformClient')

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
    const withoutKyValibot = await bundle(join(work, 'consumer-without-ky-valibot.js'), [
      'ky',
      'valibot',
    ])
    const kyOnly = await bundle(
      join(work, 'ky-only.js'),
      [],
      'import ky from "ky"\nconsole.log(ky)\n',
    )
    const fullClient = await bundle(join(work, 'consumer-full.js'), [], FULL_CLIENT_ENTRY)
    const sizeOf = (built: { outputFiles: { contents: Uint8Array }[] }): string =>
      `${(gzip(built.outputFiles[0]?.contents ?? new Uint8Array()) / 1024).toFixed(1)} KB`
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
      measures: 'consumer bundle: core + chargebee + ky, provision once (min+gzip)',
      baseline: '—',
      plugboard: `${kb.toFixed(1)} KB gzip`,
      ratio: `${(kb / TARGET_KB).toFixed(2)}× budget`,
      target: `≤ ${TARGET_KB} KB gzip`,
      pass: kb <= TARGET_KB,
      notes: [
        `esbuild bundle + minify, ESM, platform browser; gzip level 9 with node:zlib: ${gzipped} bytes (${minified} bytes minified).`,
        `Without ky (left external) the same bundle is ${sizeOf(withoutKy)} gzip; ky alone (an entry that imports it) is ${sizeOf(kyOnly)} gzip.`,
        `The same consumer with \`createPlatformClient\` (provisioning and the management API: instances, connectors, instance clients) is ${sizeOf(fullClient)} gzip; \`createProvisioningClient\` lets the bundler leave the management API out. Error classes are side-effect free (brands read from static getters), so those the consumer cannot reach are dropped.`,
        ...(kb <= TARGET_KB
          ? []
          : [
              `Missed: ky alone is ${sizeOf(kyOnly)} of the ${TARGET_KB} KB, so everything else (core's provisioning path, valibot for the connectors' schemas and the instance parser, the connector) would have to fit in ${(TARGET_KB - gzip(kyOnly.outputFiles[0]?.contents ?? new Uint8Array()) / 1024).toFixed(1)} KB; it adds ${(kb - gzip(kyOnly.outputFiles[0]?.contents ?? new Uint8Array()) / 1024).toFixed(1)} KB, of which valibot is ${(gzip(withoutKy.outputFiles[0]?.contents ?? new Uint8Array()) / 1024 - gzip(withoutKyValibot.outputFiles[0]?.contents ?? new Uint8Array()) / 1024).toFixed(1)} KB (the connector's own schemas need it, so it stays whatever core does). Core's provisioning path (option and argument checks, configuration validation, the transport and its redirect and size guard, redaction, the answer's parsing and its fast path, the error classes a call can throw) and the connector would have to fit in ${(TARGET_KB - gzip(kyOnly.outputFiles[0]?.contents ?? new Uint8Array()) / 1024 - (gzip(withoutKy.outputFiles[0]?.contents ?? new Uint8Array()) - gzip(withoutKyValibot.outputFiles[0]?.contents ?? new Uint8Array())) / 1024).toFixed(1)} KB; they take ${(gzip(withoutKyValibot.outputFiles[0]?.contents ?? new Uint8Array()) / 1024).toFixed(1)} KB. The provisioning key's lookup and the redirect follower are reachable from \`provision\` (a key or a redirect can come with any call), so a bundler keeps them; a lazily imported module is bundled all the same without code splitting. Meeting the budget takes a provisioning path without valibot in core and a much smaller error model, not trimming.`,
            ]),
        `Minified bytes by package: ${contributions.map((c) => `${c.path} ${(c.bytes / 1024).toFixed(1)} KB`).join(', ')}.`,
      ],
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

function bundle(outfile: string, external: string[], contents = ENTRY) {
  return build({
    stdin: { contents, resolveDir: here, sourcefile: 'consumer.ts', loader: 'ts' },
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
