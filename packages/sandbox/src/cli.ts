#!/usr/bin/env node
import { runCli } from './cli-run.js'

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
