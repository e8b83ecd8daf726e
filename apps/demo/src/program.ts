import { Command, Option } from 'commander'
import { listConnectors } from './commands/connectors.js'
import { runDemo } from './commands/demo.js'
import { deleteInstance, getInstance, listInstances } from './commands/instances.js'
import { provision } from './commands/provision.js'
import { runSandbox } from './commands/sandbox.js'
import { describeFailure, EXIT_USAGE } from './failures.js'
import { createOutput, type Output } from './output.js'

const collect = (value: string, previous: string[]): string[] => [...previous, value]

interface GlobalOptions {
  baseUrl?: string
  db?: string
  json?: boolean
}

function outputOf(command: Command): Output {
  return createOutput({ json: (command.optsWithGlobals() as GlobalOptions).json === true })
}

function targetOf(command: Command): { baseUrl?: string | undefined; db?: string | undefined } {
  const { baseUrl, db } = command.optsWithGlobals() as GlobalOptions
  return { baseUrl, db }
}

/** Builds the `plugboard-demo` command line. */
export function createProgram(version: string): Command {
  const program = new Command('plugboard-demo')
    .description(
      'Provision and manage connector instances through a registry lookup, on the embedded sandbox or a real platform.',
    )
    .version(version)
    .addOption(
      new Option('--base-url <url>', "a real platform's API root (default: the embedded sandbox)"),
    )
    .addOption(
      new Option('--db <file>', "the embedded sandbox's database").default(
        undefined,
        '.plugboard/sandbox.db; a temporary one for `demo`',
      ),
    )
    .option('--json', 'machine output: one JSON document on stdout')
    .exitOverride()
    .showHelpAfterError()
    .addHelpText(
      'after',
      '\nSecrets for --base-url come from PLUGBOARD_USER_SECRET and PLUGBOARD_ORGANIZATION_SECRET (or a prompt).\nNO_COLOR turns colour off.',
    )

  program
    .command('demo', { isDefault: true })
    .description('start the embedded sandbox, provision a chargebee instance, list the instances')
    .action(async (_options, command: Command) => runDemo(targetOf(command), outputOf(command)))

  program
    .command('connectors')
    .description("list the registry's connectors and their configuration entries")
    .action((_options, command: Command) => listConnectors(outputOf(command)))

  program
    .command('provision')
    .description('provision an instance of a connector')
    .argument('<key>', 'the connector key, e.g. chargebee')
    .option('--name <name>', 'the instance name')
    .option('--tag <tag>', 'a tag (repeatable)', collect, [])
    .option('--set <entry=value>', 'a configuration entry (repeatable)', collect, [])
    .option('--show-token', 'print the full instance token (it is masked otherwise)')
    .option(
      '--provisioning-key <key>',
      'a key unique to this provisioning: run again after an interruption, it returns the instance created instead of a second one',
    )
    .action(async (key: string, options, command: Command) =>
      provision(key, { ...options, ...targetOf(command) }, outputOf(command)),
    )

  const instances = program.command('instances').description('list, show and delete instances')
  instances
    .command('list')
    .description('list instances (all pages)')
    .option('--tag <tag>', 'only instances with this tag (repeatable)', collect, [])
    .option('--search <text>', 'only instances whose name or connector key matches')
    .action(async (options, command: Command) =>
      listInstances({ ...options, ...targetOf(command) }, outputOf(command)),
    )
  instances
    .command('get')
    .description('show one instance')
    .argument('<id>', 'the instance id')
    .action(async (id: string, _options, command: Command) =>
      getInstance(id, targetOf(command), outputOf(command)),
    )
  instances
    .command('delete')
    .description('delete one instance')
    .argument('<id>', 'the instance id')
    .action(async (id: string, _options, command: Command) =>
      deleteInstance(id, targetOf(command), outputOf(command)),
    )

  program
    .command('sandbox')
    .description('run the sandbox in the foreground')
    .option('--port <port>', 'the port (0 picks a free one)', '4010')
    .option('--host <host>', 'the interface to listen on', '127.0.0.1')
    .action(async (options, command: Command) =>
      runSandbox({ ...options, db: targetOf(command).db }, outputOf(command)),
    )

  return program
}

/** Runs the CLI and returns its exit code; expected failures print one line, never a stack. */
export async function main(argv: readonly string[], version: string): Promise<number> {
  const program = createProgram(version)
  try {
    await program.parseAsync([...argv], { from: 'user' })
    return 0
  } catch (error) {
    if (error instanceof Error && 'exitCode' in error && 'code' in error) {
      // commander has already printed help, a version or a usage error.
      const code = (error as { exitCode: number }).exitCode
      return code === 0 ? 0 : EXIT_USAGE
    }
    const failure = describeFailure(error)
    const json = argv.includes('--json')
    if (failure === undefined) throw error
    if (json) {
      process.stdout.write(
        `${JSON.stringify({ error: { message: failure.message, ...failure.details } }, null, 2)}\n`,
      )
    }
    process.stderr.write(`error: ${failure.message}\n`)
    return failure.exitCode
  }
}
