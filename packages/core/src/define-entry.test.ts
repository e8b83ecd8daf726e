import { execFile } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

// These tests load the built package (the test task runs after the build) the way an app does: in
// a fresh Node process, by its name (a package may import itself by name), so what they see is
// what `import '@plugboard/core/define'` loads, not what vitest's resolver would.

const execute = promisify(execFile)
const packageRoot = fileURLToPath(new URL('..', import.meta.url))
const dist = new URL('../dist/', import.meta.url)

/** Runs `code` as an ES module in a fresh Node process in the package's folder; its stdout as JSON. */
async function inFreshProcess<T>(code: string): Promise<T> {
  const { stdout } = await execute(process.execPath, ['--input-type=module', '-e', code], {
    cwd: packageRoot,
  })
  return JSON.parse(stdout) as T
}

/** The files (outside node:) a fresh process loads to import `specifier`, package-relative. */
async function filesLoadedBy(specifier: string): Promise<string[]> {
  const urls = await inFreshProcess<string[]>(`
    import { registerHooks } from 'node:module'
    const loaded = []
    registerHooks({
      load(url, context, next) {
        if (!url.startsWith('node:')) loaded.push(url)
        return next(url, context)
      },
    })
    await import(${JSON.stringify(specifier)})
    console.log(JSON.stringify(loaded))
  `)
  return urls.map((url) => {
    const file = fileURLToPath(url)
    const valibot = /\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(valibot|ky)\//.exec(file)
    return valibot ? `<${valibot[1]}>` : file.slice(packageRoot.length)
  })
}

/** The runtime export names of the main entry before `@plugboard/core/define` was added. */
const MAIN_EXPORTS = [
  'COMMON_ENTRY_KEYS',
  'COMMON_ENTRY_SCHEMAS',
  'CONFIGURATION_ONLY',
  'ConfigurationError',
  'DEFAULT_MAX_PAGES',
  'DEFAULT_MAX_RESPONSE_SIZE',
  'DEFAULT_TOTAL_TIMEOUT',
  'DeadlineError',
  'InvalidArgumentError',
  'MAX_REDIRECTS',
  'MAX_REMEMBERED_CHARACTERS',
  'MAX_REMEMBERED_SECRETS',
  'MIN_REMEMBERED_LENGTH',
  'NetworkError',
  'OAuthCallbackError',
  'OAuthDeniedError',
  'OAuthStateError',
  'PROVISIONING_KEY_TAG_PREFIX',
  'PageLimitError',
  'PlatformError',
  'PlugboardError',
  'ProvisioningKeyError',
  'RedirectError',
  'RegistrationError',
  'Registry',
  'RequestError',
  'ResponseTooLargeError',
  'ResponseValidationError',
  'SPECIFICATION_VERSION',
  'TimeoutError',
  'UnknownConnectorError',
  'authorizationFor',
  'commonEntries',
  'configEntries',
  'connectorFromDescription',
  'createPlatformClient',
  'createProvisioningClient',
  'createRegistry',
  'defineConnector',
  'defineDescriptor',
  'fillBaseUrl',
  'isCallerEntry',
  'isOAuth',
  'maskedKeys',
  'oauthAuthorizationOf',
  'secretKeys',
  'textLimitOf',
  'validateConfiguration',
  'validateUpdateConfiguration',
]

/** The values `@plugboard/core/define` exports (its types aside). */
const DEFINE_VALUES = [
  'COMMON_ENTRY_KEYS',
  'COMMON_ENTRY_SCHEMAS',
  'CONFIGURATION_ONLY',
  'Registry',
  'SPECIFICATION_VERSION',
  'authorizationFor',
  'commonEntries',
  'configEntries',
  'createRegistry',
  'defineConnector',
  'defineDescriptor',
  'fillBaseUrl',
  'isOAuth',
  'oauthAuthorizationOf',
]

/**
 * The names of the values (constants, functions, classes) a declaration file exports, sorted:
 * those declared with `export declare` and those of its `export { … }` lists (`a as b` is `b`).
 */
function declaredValues(declarations: string): string[] {
  const names = [...declarations.matchAll(/^export declare (?:const|function|class) (\w+)/gm)].map(
    ([, name]) => name ?? '',
  )
  for (const [, list] of declarations.matchAll(/^export \{([^}]*)\}/gm)) {
    for (const item of (list ?? '').split(',').map((part) => part.trim())) {
      if (item === '' || item.startsWith('type ')) continue
      names.push(item.split(/\s+as\s+/).at(-1) ?? item)
    }
  }
  return [...new Set(names)].sort()
}

describe('@plugboard/core/define', () => {
  it('loads its own chunk and valibot, not the client, descriptions or wire schemas', async () => {
    const loaded = await filesLoadedBy('@plugboard/core/define')
    expect(loaded).toContain('dist/define.js')
    expect(loaded).toContain('<valibot>')
    for (const file of loaded) {
      expect(file).toMatch(/^(dist\/define(-[\w-]+)?\.js|<valibot>)$/)
    }
    // Nor is any of them bundled into the definitions chunk.
    const code = loaded
      .filter((file) => file.startsWith('dist/'))
      .map((file) => readFileSync(new URL(file, new URL('..', dist)), 'utf8'))
      .join('\n')
    for (const absent of [
      'function createPlatformClient',
      'function createProvisioningClient',
      'function connectorFromDescription',
      'function validateConfiguration',
      'elements-next-page-token',
    ]) {
      expect(code).not.toContain(absent)
    }
  })

  it('exports the same values as the main entry, so both entries share one copy of each', async () => {
    const result = await inFreshProcess<{
      defineKeys: string[]
      mainKeys: string[]
      differing: string[]
      refusal: { isInvalidArgument: boolean; isPlugboardError: boolean; message: string }
      registry: { isRegistry: boolean; isUnknownConnector: boolean; message: string }
    }>(`
      const define = await import('@plugboard/core/define')
      const main = await import('@plugboard/core')
      let refusal
      try {
        define.commonEntries('not.shared')
      } catch (error) {
        refusal = {
          isInvalidArgument: error instanceof main.InvalidArgumentError,
          isPlugboardError: error instanceof main.PlugboardError,
          message: error.message,
        }
      }
      const lightRegistry = define.createRegistry()
      let registry
      try {
        lightRegistry.resolve('paypal')
      } catch (error) {
        registry = {
          isRegistry: lightRegistry instanceof main.Registry,
          isUnknownConnector: error instanceof main.UnknownConnectorError,
          message: error.message,
        }
      }
      console.log(JSON.stringify({
        defineKeys: Object.keys(define).sort(),
        mainKeys: Object.keys(main).sort(),
        differing: Object.keys(define).filter((key) => define[key] !== main[key]),
        refusal,
        registry,
      }))
    `)
    // Its declared values, each the main entry's own. (The file is also the chunk the main entry
    // imports the error base class from, so at run time it carries a few more, undeclared names.)
    expect(declaredValues(readFileSync(new URL('define.d.ts', dist), 'utf8'))).toEqual(
      DEFINE_VALUES,
    )
    expect(result.defineKeys).toEqual(expect.arrayContaining(DEFINE_VALUES))
    expect(result.differing.filter((key) => DEFINE_VALUES.includes(key))).toEqual([])
    // An error thrown through the light entry is an instance of the main entry's classes.
    expect(result.refusal).toEqual({
      isInvalidArgument: true,
      isPlugboardError: true,
      message: expect.stringContaining('"not.shared" is not a configuration entry'),
    })
    // A registry created through the light entry is the main entry's class, and so are its errors.
    expect(result.registry).toEqual({
      isRegistry: true,
      isUnknownConnector: true,
      message: expect.stringContaining('paypal'),
    })
    // The main entry keeps every export it had.
    expect(result.mainKeys).toEqual(expect.arrayContaining(MAIN_EXPORTS))
  })

  it('is built once: each class of the main and definitions entries is declared in one file', () => {
    const files = readdirSync(dist).filter((file) => /^(index|define(-[\w-]+)?)\.js$/.test(file))
    expect(files).toContain('define.js')
    const declaredIn = new Map<string, string[]>()
    for (const file of files) {
      const text = readFileSync(new URL(file, dist), 'utf8')
      for (const [, assigned, declared] of text.matchAll(
        /^(?:var (\w+) = class\b|class (\w+))/gm,
      )) {
        const name = assigned ?? declared ?? ''
        declaredIn.set(name, [...(declaredIn.get(name) ?? []), file])
      }
    }
    expect(declaredIn.get('PlugboardError')).toHaveLength(1)
    expect(declaredIn.get('InvalidArgumentError')).toHaveLength(1)
    const twice = [...declaredIn].filter(([, where]) => where.length > 1)
    expect(twice).toEqual([])
  })
})
