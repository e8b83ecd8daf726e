import { UsageError } from './cli-errors.js'
import {
  type CommandSpec,
  type OptionSpec,
  type ProgramSpec,
  parseCommandLine,
} from './command-line.js'
import { listConnectors } from './commands/connectors.js'
import { EVENT_SETUP_COMMANDS } from './event-setup-commands.js'
import { OAUTH_OPTIONS, readOAuthOptions } from './oauth/options.js'
import { createOutput, type Output } from './output.js'

// Each command's module is imported when the command runs, so a run loads only what it needs
// (`connectors` never loads the sandbox, the HTTP client or the prompts). `connectors` itself, and
// the registry every command needs, come with this module: one file to read at start-up.

type Options = Readonly<Record<string, string | boolean | string[] | undefined>>

/** What a command's action receives. */
interface Invocation {
  readonly args: readonly string[]
  readonly extra: readonly string[]
  readonly options: Options
  readonly out: Output
  readonly target: { readonly baseUrl?: string | undefined; readonly db?: string | undefined }
}

/** A command of the CLI: its words, arguments and options, and what it runs. */
export interface Command extends CommandSpec {
  run(invocation: Invocation): Promise<void>
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)
const list = (value: unknown): string[] => (Array.isArray(value) ? value : [])

const TAG: OptionSpec = {
  type: 'string',
  value: '<tag>',
  multiple: true,
  description: 'a tag (repeatable)',
}

const demo: Command = {
  words: ['demo'],
  description: 'start the embedded sandbox, provision a chargebee instance, list the instances',
  run: async ({ target, out }) => (await import('./commands/demo.js')).runDemo(target, out),
}

const COMMANDS: readonly Command[] = [
  demo,
  {
    words: ['connectors'],
    description:
      "list the registry's connectors and their configuration entries (--all: the platform's catalogue)",
    options: {
      all: {
        type: 'boolean',
        description: "the platform's whole catalogue, * marking the keys with a package",
      },
      hub: { type: 'string', value: '<hub>', description: 'with --all: only this hub' },
      authentication: {
        type: 'string',
        value: '<type>',
        description: 'with --all: only this authentication (basic, custom, oauth2, …)',
      },
      text: {
        type: 'string',
        value: '<text>',
        description: 'with --all: only keys or names holding this text',
      },
    },
    run: async ({ options, target, out }) => {
      const filter = {
        hub: text(options.hub),
        authentication: text(options.authentication),
        text: text(options.text),
      }
      if (options.all !== true) {
        const given = Object.entries(filter).find(([, value]) => value !== undefined)
        if (given !== undefined) throw new UsageError(`--${given[0]} filters --all; add --all.`)
        listConnectors(out)
        return
      }
      await (await import('./commands/catalogue.js')).listCatalogue({ ...target, ...filter }, out)
    },
  },
  {
    words: ['connectors', 'show'],
    description:
      "one connector's configuration entries: from its package, else from the platform's catalogue",
    args: [{ name: 'key', description: 'the connector key, e.g. chargebee or hubspot' }],
    run: async ({ args, target, out }) =>
      (await import('./commands/catalogue.js')).showConnector(args[0] ?? '', target, out),
  },
  {
    words: ['provision'],
    description:
      "provision an instance of a connector (packaged, or described by the platform's catalogue)",
    args: [{ name: 'key', description: 'the connector key, e.g. chargebee' }],
    options: {
      name: { type: 'string', value: '<name>', description: 'the instance name' },
      tag: TAG,
      set: {
        type: 'string',
        value: '<entry=value>',
        multiple: true,
        description: 'a configuration entry, one argument (repeatable); secrets are asked for',
      },
      'show-token': {
        type: 'boolean',
        description: 'print the full instance token (masked otherwise; it is returned only once)',
      },
      'provisioning-key': {
        type: 'string',
        value: '<key>',
        description:
          'a key unique to this provisioning: run again after an interruption, it returns the instance created instead of a second one',
      },
      ...OAUTH_OPTIONS,
    },
    extraArgs: true,
    run: async ({ args, extra, options, target, out }) =>
      (await import('./commands/provision.js')).provision(
        args[0] ?? '',
        {
          ...target,
          name: text(options.name),
          tag: list(options.tag),
          set: list(options.set),
          extra,
          showToken: options['show-token'] === true,
          provisioningKey: text(options['provisioning-key']),
          oauth: readOAuthOptions(options),
        },
        out,
      ),
  },
  {
    words: ['reauthorize'],
    description:
      "re-authorise an OAuth instance: the vendor's consent step again, then its new grant",
    args: [{ name: 'id', description: 'the instance id' }],
    options: {
      set: {
        type: 'string',
        value: '<entry=value>',
        multiple: true,
        description:
          "oauth.api.key=… and oauth.api.secret=…, the OAuth app's (asked for when missing)",
      },
      ...OAUTH_OPTIONS,
    },
    extraArgs: true,
    run: async ({ args, extra, options, target, out }) =>
      (await import('./oauth/reauthorize.js')).reauthorize(
        args[0] ?? '',
        { ...target, set: list(options.set), extra, oauth: readOAuthOptions(options) },
        out,
      ),
  },
  {
    words: ['instances', 'list'],
    description: 'list instances (all pages)',
    options: {
      tag: { ...TAG, description: 'only instances with this tag (repeatable)' },
      search: {
        type: 'string',
        value: '<text>',
        description: 'only instances whose name or connector key matches',
      },
    },
    run: async ({ options, target, out }) =>
      (await import('./commands/instances.js')).listInstances(
        { ...target, tag: list(options.tag), search: text(options.search) },
        out,
      ),
  },
  {
    words: ['instances', 'get'],
    description: 'show one instance',
    args: [{ name: 'id', description: 'the instance id' }],
    run: async ({ args, target, out }) =>
      (await import('./commands/instances.js')).getInstance(args[0] ?? '', target, out),
  },
  {
    words: ['instances', 'delete'],
    description: 'delete one instance',
    args: [{ name: 'id', description: 'the instance id' }],
    run: async ({ args, target, out }) =>
      (await import('./commands/instances.js')).deleteInstance(args[0] ?? '', target, out),
  },
  ...EVENT_SETUP_COMMANDS,
  {
    words: ['events', 'listen'],
    description: 'receive event callbacks locally: print one line per event (Ctrl+C stops)',
    options: {
      port: {
        type: 'string',
        value: '<port>',
        default: '0',
        description: 'the port (0 picks a free one)',
      },
      host: {
        type: 'string',
        value: '<host>',
        default: '127.0.0.1',
        description: 'the interface to listen on',
      },
      'signature-key-env': {
        type: 'string',
        value: '<variable>',
        description:
          'the environment variable holding the signature key: callbacks are then verified (on a terminal without it, the key is asked for, masked)',
      },
      'forward-to': {
        type: 'string',
        value: '<url>',
        description: 'pass each accepted callback on to this handler',
      },
    },
    run: async ({ options, out }) =>
      (await import('./commands/events.js')).listenForEvents(
        {
          port: text(options.port) ?? '',
          host: text(options.host) ?? '',
          signatureKeyEnv: text(options['signature-key-env']),
          forwardTo: text(options['forward-to']),
        },
        out,
      ),
  },
  {
    words: ['events', 'trigger'],
    description: "sandbox only: simulate a change at an instance's vendor",
    args: [
      { name: 'instanceId', description: 'the instance id' },
      { name: 'objectType', description: 'the kind of object, e.g. customers' },
      { name: 'objectId', description: "the vendor's id of the object" },
    ],
    options: {
      type: {
        type: 'string',
        value: '<type>',
        default: 'UPDATED',
        description: 'CREATED, UPDATED or DELETED',
      },
    },
    run: async ({ args, options, target, out }) =>
      (await import('./commands/events.js')).triggerEvent(
        {
          instanceId: args[0] ?? '',
          objectType: args[1] ?? '',
          objectId: args[2] ?? '',
          type: text(options.type) ?? '',
        },
        target,
        out,
      ),
  },
  {
    words: ['events', 'list'],
    description: "list an instance's events and where each is on its way",
    args: [{ name: 'instanceId', description: 'the instance id' }],
    run: async ({ args, target, out }) =>
      (await import('./commands/events.js')).listEvents(args[0] ?? '', target, out),
  },
  {
    words: ['sandbox'],
    description: 'run the sandbox in the foreground',
    options: {
      port: {
        type: 'string',
        value: '<port>',
        default: '4010',
        description: 'the port (0 picks a free one)',
      },
      host: {
        type: 'string',
        value: '<host>',
        default: '127.0.0.1',
        description: 'the interface to listen on',
      },
    },
    run: async ({ options, target, out }) =>
      (await import('./commands/sandbox.js')).runSandbox(
        { port: text(options.port) ?? '', host: text(options.host) ?? '', db: target.db },
        out,
      ),
  },
]

/** The `plugboard-demo` command line: its global options and commands. */
export const PROGRAM: ProgramSpec = {
  name: 'plugboard-demo',
  description:
    'Provision and manage connector instances through a registry lookup, on the embedded sandbox or a real platform.',
  options: {
    'base-url': {
      type: 'string',
      value: '<url>',
      description:
        "a real platform's API root, e.g. https://api.cloud-your_moms.com/your_moms/api-v2 (default: the embedded sandbox)",
    },
    db: {
      type: 'string',
      value: '<file>',
      description:
        "the embedded sandbox's database (default .plugboard/sandbox.db; a temporary one for demo)",
    },
    json: { type: 'boolean', description: 'machine output: one JSON document on stdout' },
  },
  commands: COMMANDS,
  defaultCommand: demo,
  epilogue:
    'Secrets for --base-url come from PLUGBOARD_USER_SECRET and PLUGBOARD_ORGANIZATION_SECRET (or a prompt).\nNO_COLOR turns colour off.',
}

/** Runs the CLI and returns its exit code; expected failures print one line, never a stack. */
export async function main(argv: readonly string[], version: string): Promise<number> {
  let baseUrl: string | undefined
  try {
    const parsed = parseCommandLine(PROGRAM, argv)
    if (parsed.kind === 'help') {
      process.stdout.write(parsed.text)
      return 0
    }
    if (parsed.kind === 'version') {
      process.stdout.write(`${version}\n`)
      return 0
    }
    const { options } = parsed
    baseUrl = text(options['base-url'])
    const out = createOutput({ json: options.json === true })
    const command = parsed.command as Command
    await command.run({ ...parsed, out, target: { baseUrl, db: text(options.db) } })
    return 0
  } catch (error) {
    const { describeFailure } = await import('./failures.js')
    const failure = describeFailure(error, { baseUrl })
    if (failure === undefined) throw error
    if (argv.includes('--json')) {
      process.stdout.write(
        `${JSON.stringify({ error: { message: failure.message, ...failure.details } }, null, 2)}\n`,
      )
    }
    process.stderr.write(`error: ${failure.message}\n`)
    return failure.exitCode
  }
}
