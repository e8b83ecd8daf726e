import type { Command } from './program.js'

// `events enable` and `events disable`, registered in program.ts beside the other events
// commands. As there, each command's module is imported only when it runs.

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)
const list = (value: unknown): string[] => (Array.isArray(value) ? value : [])

/** The commands that turn an instance's events on and off. */
export const EVENT_SETUP_COMMANDS: readonly Command[] = [
  {
    words: ['events', 'enable'],
    description:
      "turn an instance's events on: the platform then POSTs each change to --callback-url",
    args: [{ name: 'instanceId', description: 'the instance id' }],
    options: {
      'callback-url': {
        type: 'string',
        value: '<url>',
        description: 'where the platform POSTs each event (e.g. the URL `events listen` prints)',
      },
      'signature-key-env': {
        type: 'string',
        value: '<variable>',
        description:
          'the environment variable holding the signature key: callbacks are then signed (on a terminal without it, the key is asked for, masked)',
      },
      polling: {
        type: 'boolean',
        description: "poll the vendor for changes (without it: the vendor's webhooks)",
      },
      'poll-minutes': {
        type: 'string',
        value: '<minutes>',
        description: 'with --polling: minutes between polls',
      },
      poll: {
        type: 'string',
        value: '<resource=path>',
        multiple: true,
        description:
          "with --polling: a resource to poll and its hub path (repeatable; default: the instance's poller configuration)",
      },
    },
    run: async ({ args, options, target, out }) =>
      (await import('./commands/events-setup.js')).enableEvents(
        args[0] ?? '',
        {
          ...target,
          callbackUrl: text(options['callback-url']),
          signatureKeyEnv: text(options['signature-key-env']),
          polling: options.polling === true,
          pollMinutes: text(options['poll-minutes']),
          poll: list(options.poll),
        },
        out,
      ),
  },
  {
    words: ['events', 'disable'],
    description: "turn an instance's events off: nothing more is sent to its callback URL",
    args: [{ name: 'instanceId', description: 'the instance id' }],
    run: async ({ args, target, out }) =>
      (await import('./commands/events-setup.js')).disableEvents(args[0] ?? '', target, out),
  },
]
