#!/usr/bin/env node
/** The app's version, written in at build time (tsdown.config.ts). */
declare const PLUGBOARD_DEMO_VERSION: string

// This file must parse and run on any Node: it refuses an old one in one line before importing
// anything that needs a newer one (the embedded sandbox needs node:sqlite, Node 24.11+).
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number)
if (major < 24 || (major === 24 && minor < 11)) {
  process.stderr.write(
    `plugboard-demo needs Node.js 24.11 or later; this is Node.js ${process.versions.node}.\n`,
  )
  process.exit(1)
}

// Cache compiled code between runs (a no-op if the cache folder cannot be written).
const { enableCompileCache } = await import('node:module')
enableCompileCache()
const { main } = await import('./program.js')

process.exitCode = await main(process.argv.slice(2), PLUGBOARD_DEMO_VERSION)
