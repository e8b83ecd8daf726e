import { readFileSync } from 'node:fs'
import { defineConfig } from 'tsdown'

const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as {
  version: string
}

// The CLI is an application, shipped as one bundle: every dependency is bundled and minified, and
// each command's code is a chunk loaded when the command runs. A run then reads a few small files
// instead of resolving and compiling dozens of modules (start-up is bench row P8).
export default defineConfig({
  entry: ['src/cli.ts'],
  format: 'esm',
  platform: 'node',
  fixedExtension: false,
  minify: true,
  sourcemap: true,
  dts: false,
  deps: { alwaysBundle: [/.*/], onlyBundle: false },
  define: { PLUGBOARD_DEMO_VERSION: JSON.stringify(version) },
  outputOptions: {
    codeSplitting: {
      // What every command needs (the command line and the registry: core's definitions entry,
      // valibot and the connectors) is one chunk with the program, read at start; the rest
      // (core's main entry with the platform client and wire schemas, sandbox, HTTP client,
      // prompts) is loaded by the commands that use it. Of core, the modules listed here import
      // `@plugboard/core/define` alone: a module is atomic, so an import of `@plugboard/core` (or
      // of `/protocol`, which holds the wire schemas) would be evaluated on every start.
      groups: [
        {
          name: 'program',
          test: /src\/(program|command-line|output|cli-errors|app-registry|commands\/connectors)\.ts$|packages\/core\/dist\/define\.js$|packages\/connector-[a-z0-9]+\/dist\/index\.js$|packages\/sandbox\/dist\/shipped-connectors\.js$|valibot/,
        },
      ],
    },
  },
})
