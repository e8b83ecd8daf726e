import { readFile } from 'node:fs/promises'
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'

/**
 * Resolution modes an ESM-only package need not serve: the old `node10` resolution and a
 * `require` from CommonJS under `node16` (every plugboard package is ESM only, on Node ≥ 22).
 */
const IGNORED_RESOLUTIONS = new Set(['node10', 'node16-cjs'])

/**
 * What publint and are-the-types-wrong find wrong with a packed tarball, one line each: an empty
 * list when the package is fit to publish. Run once over every tarball here, instead of inside
 * each package's build.
 */
export async function publishingProblems(tarball: string): Promise<string[]> {
  const bytes = await readFile(tarball)
  const data = new Uint8Array(bytes)
  const lint = await publint({
    pack: { tarball: data.slice().buffer },
    level: 'warning',
    strict: true,
  })
  const problems = lint.messages.map(
    (message) => `publint: ${formatMessage(message, lint.pkg) ?? message.code}`,
  )
  const result = await checkPackage(createPackageFromTarballData(data))
  if (!result.types) return [...problems, 'are-the-types-wrong: the package has no types']
  const visible = new Set<number>()
  for (const entrypoint of Object.values(result.entrypoints)) {
    for (const [mode, resolution] of Object.entries(entrypoint.resolutions)) {
      if (IGNORED_RESOLUTIONS.has(mode)) continue
      for (const index of resolution.visibleProblems ?? []) visible.add(index)
    }
  }
  for (const [index, problem] of result.problems.entries()) {
    if (visible.has(index)) problems.push(`are-the-types-wrong: ${JSON.stringify(problem)}`)
  }
  return problems
}
