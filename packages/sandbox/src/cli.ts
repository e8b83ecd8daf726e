#!/usr/bin/env node
// Refuse an old Node in one line before importing anything: node:sqlite needs Node 24.11+.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number)
if (major < 24 || (major === 24 && minor < 11)) {
  process.stderr.write(
    `plugboard-sandbox needs Node.js 24.11 or later (for node:sqlite); this is Node.js ${process.versions.node}.\n`,
  )
  process.exit(1)
}
const { runCli } = await import('./cli-run.js')

const result = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
})
if ('exitCode' in result) {
  process.exitCode = result.exitCode
} else {
  const { sandbox } = result
  const stop = (signal: NodeJS.Signals) => {
    process.stdout.write(`Received ${signal}, closing.\n`)
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
