import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { addShippedConnector, CONNECTOR_KEY_PATTERN, SHIPPED_CONNECTORS_FILE } from '../config.ts'
import type { PlatformDescription } from './description.ts'
import { renderConfig, renderResponse } from './render-config.ts'
import { handWrittenNotes, renderChangeset, renderManifest, renderReadme } from './render-docs.ts'
import {
  renderConnector,
  renderDefaults,
  renderDescriptor,
  renderIndex,
  renderOverrides,
  renderTest,
} from './render-source.ts'

const TSCONFIG = '{\n  "extends": "../../tsconfig.base.json",\n  "include": ["src", "test"]\n}\n'
/** What {@link writePackage} did. */
export interface WriteResult {
  /** The package folder, relative to the root. */
  readonly directory: string
  /** Whether the package was new (it then got a changeset and joined the shipped list). */
  readonly created: boolean
}

/**
 * Writes `packages/connector-<key>` from a platform description: every generated file is rewritten
 * (and formatted with biome), `src/overrides.ts` and the README's hand-written part are kept. A new
 * package also gets a changeset and joins the shipped list. Deterministic: the same description
 * writes the same bytes.
 */
export function writePackage(
  root: string,
  key: string,
  description: PlatformDescription,
): WriteResult {
  if (!CONNECTOR_KEY_PATTERN.test(key)) {
    throw new Error(
      `"${key}" is not a valid connector key: use lowercase letters and digits, starting with a letter.`,
    )
  }
  const relative = path.join('packages', `connector-${key}`)
  const directory = path.join(root, relative)
  const created = !existsSync(directory)
  const readme = path.join(directory, 'README.md')
  const notes = handWrittenNotes(existsSync(readme) ? readFileSync(readme, 'utf8') : undefined)
  const files: Record<string, string> = {
    'package.json': renderManifest(key, description),
    'tsconfig.json': TSCONFIG,
    'vitest.config.ts': `import { defineProject } from 'vitest/config'\nimport { sharedTest } from '../../vitest.shared.ts'\n\nexport default defineProject({ test: { ...sharedTest, name: 'connector-${key}' } })\n`,
    'README.md': renderReadme(key, description, notes),
    'src/config.ts': renderConfig(key, description),
    'src/response.ts': renderResponse(key, description),
    'src/defaults.ts': renderDefaults(key, description),
    'src/descriptor.ts': renderDescriptor(key, description),
    'src/connector.ts': renderConnector(key, description),
    'src/index.ts': renderIndex(key, description),
    'src/connector.test.ts': renderTest(key, description),
  }
  if (!existsSync(path.join(directory, 'src', 'overrides.ts'))) {
    files['src/overrides.ts'] = renderOverrides(key, description)
  }
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(directory, file)), { recursive: true })
    writeFileSync(path.join(directory, file), content)
  }
  const toFormat = [directory]
  if (created) {
    writeFileSync(
      path.join(root, '.changeset', `connector-${key}.md`),
      renderChangeset(key, description),
    )
  }
  const shipped = readFileSync(path.join(root, SHIPPED_CONNECTORS_FILE), 'utf8')
  if (!shipped.includes(`'@plugboard/connector-${key}'`)) {
    addShippedConnector(root, key)
    toFormat.push(path.join(root, SHIPPED_CONNECTORS_FILE))
  }
  execFileSync(
    path.join(root, 'node_modules', '.bin', 'biome'),
    ['check', '--write', ...toFormat],
    {
      cwd: root,
      stdio: 'pipe',
    },
  )
  return { directory: relative, created }
}
