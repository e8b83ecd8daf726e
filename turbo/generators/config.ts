import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { PlopTypes } from '@turbo/gen'

/** What a connector key may look like: lowercase letters and digits, starting with a letter. */
export const CONNECTOR_KEY_PATTERN: RegExp = /^[a-z][a-z0-9]*$/

/** What a hub name may look like, e.g. `payment` or `crm`. */
export const HUB_PATTERN: RegExp = /^[a-z][a-z0-9-]*$/

/** What a display name may hold: it is written into TypeScript strings, JSON and Markdown. */
export const DISPLAY_NAME_PATTERN: RegExp = /^[A-Za-z0-9][A-Za-z0-9 .&+-]*$/

/** The keys of the connectors the repository already holds: the package folders and names under `packages`. */
export function existingConnectorKeys(root: string): Set<string> {
  const keys = new Set<string>()
  const packages = path.join(root, 'packages')
  if (!existsSync(packages)) return keys
  for (const directory of readdirSync(packages)) {
    if (directory.startsWith('connector-')) keys.add(directory.slice('connector-'.length))
    const manifest = path.join(packages, directory, 'package.json')
    if (!existsSync(manifest)) continue
    const name: unknown = JSON.parse(readFileSync(manifest, 'utf8')).name
    if (typeof name === 'string' && name.startsWith('@plugboard/connector-')) {
      keys.add(name.slice('@plugboard/connector-'.length))
    }
  }
  return keys
}

/**
 * Checks a connector key: `true`, or the reason it is refused (plop shows the string and stops).
 */
export function validateConnectorKey(value: unknown, root: string): true | string {
  const key = String(value ?? '')
  if (!CONNECTOR_KEY_PATTERN.test(key)) {
    return `"${key}" is not a valid connector key: use lowercase letters and digits, starting with a letter (e.g. "stripe", "zuorav2").`
  }
  if (existingConnectorKeys(root).has(key)) {
    return `A connector with key "${key}" already exists (packages/connector-${key}); choose another key.`
  }
  return true
}

/** Checks a display name: `true`, or the reason it is refused. */
export function validateDisplayName(value: unknown): true | string {
  const name = String(value ?? '')
  return DISPLAY_NAME_PATTERN.test(name)
    ? true
    : `"${name}" is not a valid display name: use letters, digits, spaces and . & + - (e.g. "Chargify").`
}

/** Checks a hub name: `true`, or the reason it is refused. */
export function validateHub(value: unknown): true | string {
  const hub = String(value ?? '')
  return HUB_PATTERN.test(hub)
    ? true
    : `"${hub}" is not a valid hub: use lowercase letters, digits and "-" (e.g. "payment", "crm").`
}

/** The one list of shipped connectors (served by the sandbox bin, registered by the demo). */
export const SHIPPED_CONNECTORS_FILE = 'packages/sandbox/src/shipped-connectors.ts'

/**
 * Adds connector `key` to the shipped list: an import and an entry in
 * {@link SHIPPED_CONNECTORS_FILE}, and its package as an optional peer and a dev dependency of
 * `@plugboard/sandbox`.
 */
export function addShippedConnector(root: string, key: string): void {
  const list = path.join(root, SHIPPED_CONNECTORS_FILE)
  const source = readFileSync(list, 'utf8')
  const withImport = `import { ${key} } from '@plugboard/connector-${key}'\n${source}`
  writeFileSync(list, withImport.replace(/\n\} as const/, `\n  ${key},\n} as const`))
  const manifestPath = path.join(root, 'packages', 'sandbox', 'package.json')
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
  // The sandbox takes connector packages as optional peers (its default registry loads them when
  // asked) and develops against every one of them.
  const name = `@plugboard/connector-${key}`
  const sorted = (entries: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b)))
  manifest.peerDependencies = sorted({ ...manifest.peerDependencies, [name]: 'workspace:^' })
  manifest.peerDependenciesMeta = sorted({
    ...manifest.peerDependenciesMeta,
    [name]: { optional: true },
  })
  manifest.devDependencies = sorted({ ...manifest.devDependencies, [name]: 'workspace:^' })
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`)
}

/**
 * The repository's turbo generators. `connector` scaffolds `packages/connector-<key>`:
 *
 * ```sh
 * pnpm turbo gen connector --args <key> <DisplayName> <hub>
 * pnpm install
 * ```
 */
export default function generator(plop: PlopTypes.NodePlopAPI): void {
  const root = plop.getDestBasePath()
  const templates = path.join(root, 'turbo', 'generators', 'templates')

  plop.setGenerator('connector', {
    description: 'Scaffold a connector package: packages/connector-<key>',
    prompts: [
      {
        type: 'input',
        name: 'key',
        message: 'The connector key on the platform (e.g. "stripe")',
        validate: (value: unknown) => validateConnectorKey(value, root),
      },
      {
        type: 'input',
        name: 'displayName',
        message: 'The display name (e.g. "Stripe")',
        validate: validateDisplayName,
      },
      {
        type: 'input',
        name: 'hub',
        message: 'The platform hub (e.g. "payment")',
        default: 'payment',
        validate: validateHub,
      },
    ],
    actions: [
      {
        type: 'addMany',
        destination: '{{ turbo.paths.root }}/packages/connector-{{ key }}',
        base: path.join(templates, 'connector'),
        templateFiles: path.join(templates, 'connector', '**', '*.hbs'),
        stripExtensions: ['hbs'],
        globOptions: { dot: true },
        abortOnFail: true,
      },
      {
        type: 'add',
        path: '{{ turbo.paths.root }}/.changeset/connector-{{ key }}.md',
        templateFile: path.join(templates, 'changeset.md.hbs'),
        abortOnFail: true,
      },
      (answers) => {
        addShippedConnector(root, answers.key)
        return `added ${answers.key} to ${SHIPPED_CONNECTORS_FILE} and the sandbox's dependencies`
      },
      (answers) => {
        const directory = path.join(root, 'packages', `connector-${answers.key}`)
        try {
          execFileSync(
            path.join(root, 'node_modules', '.bin', 'biome'),
            ['check', '--write', directory, path.join(root, SHIPPED_CONNECTORS_FILE)],
            { cwd: root, stdio: 'pipe' },
          )
          return `formatted packages/connector-${answers.key} with biome`
        } catch {
          return `could not format packages/connector-${answers.key}: run "pnpm format"`
        }
      },
      () =>
        'next: run "pnpm install", then "pnpm turbo run build test --filter=@plugboard/connector-<key>"',
    ],
  })
}
