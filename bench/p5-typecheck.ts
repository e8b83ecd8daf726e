/**
 * P5: type-check cost of a registry. Generates, in a temporary project, N connector definitions
 * (`defineConnector` with small valibot schemas, distinct keys) and a registry that registers all
 * of them, looks a few up with `registry.get('k…')` and types a provisioning call; then runs
 * `tsc --noEmit --extendedDiagnostics` on it for N = 1, 50, 100 and 200. Reports the median
 * compile time of N = 200 over N = 1 (interleaved runs) and the instantiation counts, whose growth
 * per connector must stay flat (linear growth).
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { execPath } from 'node:process'
import { fileURLToPath } from 'node:url'
import { type BenchRow, loadNote, progress, runAlone } from './lib/row.ts'
import { formatMs, formatRatio, median } from './lib/stats.ts'

const SIZES: readonly number[] = [1, 50, 100, 200]
const CHAIN_SIZES: readonly number[] = [1, 25, 50]
const TIME_ROUNDS = 3
const TARGET = 3
/** The growth per connector from 100 to 200 may exceed the growth from 50 to 100 by this much. */
const LINEARITY_TOLERANCE = 1.25

const here = dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)
const tscBin = require.resolve('typescript/bin/tsc')
const corePackage = realpathSync(join(here, 'node_modules/@plugboard/core'))
/** valibot as core resolves it, so the generated project shares core's copy of its types. */
const valibotPackage = dirname(
  dirname(createRequire(join(corePackage, 'package.json')).resolve('valibot')),
)
const nodeTypesPackage = realpathSync(join(here, 'node_modules/@types/node'))

/** The numbers `tsc --extendedDiagnostics` reports for one run. */
interface Diagnostics {
  readonly instantiations: number
  readonly types: number
  readonly checkMs: number
  readonly totalMs: number
}

function connectorSource(index: number): string {
  return `import * as v from 'valibot'
import { defineConnector, SPECIFICATION_VERSION } from '@plugboard/core'
import { descriptor } from './descriptor.js'

export const k${index} = defineConnector({
  specificationVersion: SPECIFICATION_VERSION,
  key: 'k${index}',
  metadata: { displayName: 'K${index}', description: 'Generated connector ${index}', hub: 'payment', authentication: 'basic' },
  descriptor: { ...descriptor, id: ${index}, key: 'k${index}', name: 'K${index}' },
  config: v.strictObject({
    site: v.pipe(v.string(), v.nonEmpty(), v.description('The site')),
    apiKey${index}: v.pipe(v.string(), v.minLength(1), v.metadata({ secret: true })),
    region: v.optional(v.picklist(['eu', 'us'])),
  }),
  response: v.looseObject({ site: v.nullish(v.string()), apiKey${index}: v.nullish(v.string()) }),
  defaults: { 'base.url': 'https://k${index}.example.test' },
  sample: { site: 'site-${index}', apiKey${index}: 'fake-key-${index}' },
})
`
}

const DESCRIPTOR_SOURCE = `import type { ConnectorDescriptor } from '@plugboard/core'

export const descriptor: ConnectorDescriptor = {
  id: 0, name: '', key: '', description: 'Generated', image: '', active: true, deleted: false,
  typeOauth: false, trialAccount: false, resources: [], transformationsEnabled: false,
  bulkDownloadEnabled: false, bulkUploadEnabled: false, cloneable: true,
  authentication: { type: 'basic' }, hub: 'payment', parameters: [],
}
`

/**
 * How the generated registry is built: `record` passes every connector in one
 * `createRegistry({ … })` call (the form core documents for large registries); `chain` calls
 * `.register()` once per connector.
 */
type RegistryForm = 'record' | 'chain'

function registrySource(count: number, form: RegistryForm): string {
  const keys = Array.from({ length: count }, (_, index) => index)
  const lookups = [...new Set([0, count >> 1, count - 1])]
  const last = count - 1
  return `import { createPlatformClient, createRegistry } from '@plugboard/core'
${keys.map((index) => `import { k${index} } from './k${index}.js'`).join('\n')}

${
  form === 'record'
    ? `export const registry = createRegistry({\n${keys.map((index) => `  k${index},`).join('\n')}\n})`
    : `export const registry = createRegistry()\n${keys.map((index) => `  .register(k${index})`).join('\n')}`
}

${lookups.map((index) => `export const found${index} = registry.get('k${index}')`).join('\n')}
export const key${lookups[0]}: 'k${lookups[0]}' = found${lookups[0]}.key
export const sample: { site: string } = found${last}.sample

const client = createPlatformClient({
  baseUrl: 'https://platform.example.test/your_moms/api-v2',
  userSecret: 'user-secret',
  organizationSecret: 'organization-secret',
})

export async function provisionLast(): Promise<string | null | undefined> {
  const instance = await client.provision(registry.get('k${last}'), {
    name: 'Generated ${last}',
    configuration: { site: 'site-${last}', apiKey${last}: 'fake-key' },
    tags: ['bench'],
  })
  return instance.configuration.site
}
`
}

/** Writes the generated project for `count` connectors and returns its directory. */
function generate(root: string, count: number, form: RegistryForm = 'record'): string {
  const dir = join(root, `${form}-n${count}`)
  mkdirSync(join(dir, 'src'), { recursive: true })
  mkdirSync(join(dir, 'node_modules/@plugboard'), { recursive: true })
  mkdirSync(join(dir, 'node_modules/@types'), { recursive: true })
  symlinkSync(corePackage, join(dir, 'node_modules/@plugboard/core'), 'dir')
  symlinkSync(nodeTypesPackage, join(dir, 'node_modules/@types/node'), 'dir')
  symlinkSync(valibotPackage, join(dir, 'node_modules/valibot'), 'dir')
  writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n')
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      // A consumer set up like this repository (tsconfig.base.json).
      compilerOptions: {
        target: 'es2023',
        lib: ['es2023', 'dom', 'dom.iterable'],
        module: 'nodenext',
        moduleResolution: 'nodenext',
        types: ['node'],
        strict: true,
        noUncheckedIndexedAccess: true,
        verbatimModuleSyntax: true,
        isolatedModules: true,
        skipLibCheck: true,
        noEmit: true,
      },
      include: ['src'],
    }),
  )
  writeFileSync(join(dir, 'src/descriptor.ts'), DESCRIPTOR_SOURCE)
  for (let index = 0; index < count; index++) {
    writeFileSync(join(dir, `src/k${index}.ts`), connectorSource(index))
  }
  writeFileSync(join(dir, 'src/registry.ts'), registrySource(count, form))
  return dir
}

function numberAfter(output: string, label: string): number {
  const match = new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(output)
  if (match?.[1] === undefined) throw new Error(`tsc printed no "${label}":\n${output}`)
  return Number(match[1])
}

function typecheck(dir: string): Diagnostics {
  const result = spawnSync(
    execPath,
    [tscBin, '-p', join(dir, 'tsconfig.json'), '--extendedDiagnostics'],
    {
      encoding: 'utf8',
    },
  )
  if (result.status !== 0) {
    throw new Error(
      `tsc failed on ${dir} (exit ${result.status}):\n${result.stdout}${result.stderr}`,
    )
  }
  return {
    instantiations: numberAfter(result.stdout, 'Instantiations'),
    types: numberAfter(result.stdout, 'Types'),
    checkMs: numberAfter(result.stdout, 'Check time') * 1000,
    totalMs: numberAfter(result.stdout, 'Total time') * 1000,
  }
}

/** Runs P5 and returns its row. */
export async function run(): Promise<BenchRow> {
  const root = mkdtempSync(join(tmpdir(), 'plugboard-p5-'))
  try {
    const dirs = new Map(SIZES.map((count) => [count, generate(root, count)]))
    const dirOf = (count: number): string => dirs.get(count) as string
    progress(`P5: tsc --extendedDiagnostics on registries of ${SIZES.join(', ')} connectors`)
    const diagnostics = new Map(SIZES.map((count) => [count, typecheck(dirOf(count))]))
    const at = (count: number): Diagnostics => diagnostics.get(count) as Diagnostics
    // Three small sizes show the chain form's quadratic growth; larger ones are the slowest
    // checks of the suite and add nothing to that.
    const chain = CHAIN_SIZES.map(
      (count) => typecheck(generate(root, count, 'chain')).instantiations,
    )
    // The first runs of N=1 and N=200 above are the first timing round.
    const small: number[] = [at(1).totalMs]
    const large: number[] = [at(200).totalMs]
    for (let round = 1; round < TIME_ROUNDS; round++) {
      const order = round % 2 === 0 ? [1, 200] : [200, 1]
      for (const count of order) {
        ;(count === 1 ? small : large).push(typecheck(dirOf(count)).totalMs)
      }
    }
    const baseline = median(small)
    const subject = median(large)
    const ratio = subject / baseline
    const growth50to100 = (at(100).instantiations - at(50).instantiations) / 50
    const growth100to200 = (at(200).instantiations - at(100).instantiations) / 100
    const linear = growth100to200 <= growth50to100 * LINEARITY_TOLERANCE
    const counts = SIZES.map((count) => {
      const d = at(count)
      return `N=${count}: ${d.instantiations} instantiations, ${d.types} types, check ${formatMs(d.checkMs)}, total ${formatMs(d.totalMs)}`
    })
    return {
      id: 'P5',
      measures: 'tsc on a registry of 200 generated connectors vs 1',
      baseline: `${formatMs(baseline)} (N=1)`,
      plugboard: `${formatMs(subject)} (N=200)`,
      ratio: `${formatRatio(ratio)}; +${growth50to100.toFixed(0)}/+${growth100to200.toFixed(0)} inst/conn`,
      target: `≤ ${TARGET}× time, linear`,
      pass: ratio <= TARGET && linear,
      notes: [
        `Median \`tsc --noEmit\` "Total time" of ${TIME_ROUNDS} interleaved runs per side (each a fresh tsc process); the generated project uses this repository's compiler options (lib es2023 + dom, types node, strict, skipLibCheck). Connector definitions are checked from source, as in an app that defines its own.`,
        ...counts,
        `Time ${ratio <= TARGET ? 'within' : 'over'} the ${TARGET}× target; instantiation growth ${linear ? 'linear' : 'superlinear'}.`,
        `Instantiations per added connector: ${growth50to100.toFixed(1)} from 50 to 100, ${growth100to200.toFixed(1)} from 100 to 200 (linear growth keeps these equal; the check allows ${LINEARITY_TOLERANCE}×).`,
        ...(ratio <= TARGET
          ? []
          : [
              `Missed on time: each tsc run takes seconds, so ${TIME_ROUNDS} runs a side see the machine's load change between them (${loadNote()}); instantiations, which do not depend on load, grow linearly. Meeting the time target reliably takes a quiet machine or more rounds (each round costs two tsc runs).`,
            ]),
        `The registry is built as \`createRegistry({ k0, k1, … })\`. Built as a \`.register()\` chain instead, instantiations are ${CHAIN_SIZES.map((count, index) => `${chain[index]} (N=${count})`).join(', ')}: each call re-intersects every connector before it, so growth is quadratic; core's docs recommend the record form for large registries.`,
      ],
    }
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

if (import.meta.main) await runAlone(run)
