// Type-checks every ```ts block of the guides in docs/ against the workspace's packages, so the
// code in the guides keeps compiling. A block that starts with `// @check-skip` is left out.
// It also checks what a reader meets first: each guide opens with YAML front matter holding its
// title (GitHub and the API site both read it), and the docs name the platform's secrets as the
// CLI does.
// Run on Node 24 (`pnpm run docs:snippets`); the packages must be built first.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const docs = join(root, 'docs')
const out = join(root, '.snippets')

rmSync(out, { recursive: true, force: true })
mkdirSync(out)

const problems: string[] = []
// The API reference's home page is typedoc's readme, not a guide.
const UNCHECKED_FRONT_MATTER = new Set(['api-home.md'])
const SECRET_VARIABLES = /\bPLATFORM_(USER|ORGANIZATION)_SECRET\b/
const readmes = readdirSync(join(root, 'packages')).map((name) =>
  join(root, 'packages', name, 'README.md'),
)
for (const file of [join(root, 'README.md'), ...readmes]) {
  if (SECRET_VARIABLES.test(readFileSync(file, 'utf8'))) {
    problems.push(`${file}: name the secrets PLUGBOARD_USER_SECRET / PLUGBOARD_ORGANIZATION_SECRET`)
  }
}

let count = 0
for (const file of readdirSync(docs).filter((name) => name.endsWith('.md'))) {
  const text = readFileSync(join(docs, file), 'utf8')
  if (
    !UNCHECKED_FRONT_MATTER.has(file) &&
    !/^---\ntitle: \S.*\n(?:[a-z]+: .*\n)*---\n/.test(text)
  ) {
    problems.push(`docs/${file}: begin with front matter: ---, title: <Title>, ---`)
  }
  if (SECRET_VARIABLES.test(text)) {
    problems.push(
      `docs/${file}: name the secrets PLUGBOARD_USER_SECRET / PLUGBOARD_ORGANIZATION_SECRET`,
    )
  }
  const blocks = [...text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)]
  blocks.forEach((block, index) => {
    const code = block[1] ?? ''
    if (code.startsWith('// @check-skip')) return
    // Each block is its own module; `export {}` keeps it one even without imports.
    writeFileSync(join(out, `${file.replace(/\.md$/, '')}-${index + 1}.ts`), `${code}\nexport {}\n`)
    count += 1
  })
}

writeFileSync(
  join(out, 'tsconfig.json'),
  JSON.stringify({
    extends: '../tsconfig.base.json',
    compilerOptions: { noUnusedLocals: false, noUncheckedIndexedAccess: false },
    include: ['*.ts'],
  }),
)

// The API site typedoc just built: core's modules are named for their import paths (not `index`)
// and its reference opens with the provisioning group.
const modules = join(docs, 'api', 'modules')
if (existsSync(modules)) {
  const pages = readdirSync(modules)
  if (pages.some((page) => /\.index\.html$/.test(page))) {
    problems.push('docs/api: a module is named "index"; name it with @module in its file comment')
  }
  const core = join(modules, '_plugboard_core._plugboard_core.html')
  const firstGroup = existsSync(core)
    ? /<h2[^>]*>([^<]+)/.exec(readFileSync(core, 'utf8'))?.[1]
    : ''
  if (firstGroup !== 'Provisioning') {
    problems.push(
      `docs/api: core's reference opens with "${firstGroup}", not the Provisioning group`,
    )
  }
}

if (problems.length > 0) {
  console.error(`docs: ${problems.length} problem(s):\n${problems.join('\n')}`)
  process.exit(1)
}

const tsc = join(import.meta.dirname, 'tsc-native.ts')
try {
  execFileSync(process.execPath, [tsc, '-p', join(out, 'tsconfig.json')], { stdio: 'inherit' })
  console.log(`docs: ${count} code blocks in docs/*.md type-check`)
} catch {
  console.error(`docs: code blocks in docs/*.md do not type-check (files in ${out})`)
  process.exit(1)
}
