// Type-checks every ```ts block of the guides in docs/ against the workspace's packages, so the
// code in the guides keeps compiling. A block that starts with `// @check-skip` is left out.
// Run on Node 24 (`pnpm run docs:snippets`); the packages must be built first.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const docs = join(root, 'docs')
const out = join(root, '.snippets')

rmSync(out, { recursive: true, force: true })
mkdirSync(out)

let count = 0
for (const file of readdirSync(docs).filter((name) => name.endsWith('.md'))) {
  const text = readFileSync(join(docs, file), 'utf8')
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

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
try {
  execFileSync(process.execPath, [tsc, '-p', join(out, 'tsconfig.json')], { stdio: 'inherit' })
  console.log(`docs: ${count} code blocks in docs/*.md type-check`)
} catch {
  console.error(`docs: code blocks in docs/*.md do not type-check (files in ${out})`)
  process.exit(1)
}
