import { UsageError } from './cli-errors.js'

// A small command-line layer on node:util's parseArgs: commands with positional arguments and
// options, global options, help and version. It loads nothing beyond Node itself, which keeps the
// CLI's start-up close to a bare `node` (commander alone cost more than every connector together).
// Errors name options and arguments, never their values: a value may be a secret.

// node:util is taken from Node's own registry of built-in modules, not imported: an ES import of
// it makes Node build its ES module face, which reads every export and so loads what the CLI never
// uses (text decoding, worker threads, the diff helpers), a few milliseconds of every start (P8).
const { parseArgs } = process.getBuiltinModule('node:util')

/** One option of a command, or a global one. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean'
  /** The value's placeholder in help, e.g. `<url>` (string options only). */
  readonly value?: string
  readonly description: string
  readonly short?: string
  readonly multiple?: boolean
  readonly default?: string
}

/** One command: its words (`['instances', 'list']`), arguments and options. */
export interface CommandSpec {
  readonly words: readonly string[]
  readonly description: string
  readonly args?: readonly { readonly name: string; readonly description: string }[]
  readonly options?: Readonly<Record<string, OptionSpec>>
  /** Keeps arguments beyond the declared ones in `extra` instead of refusing them. */
  readonly extraArgs?: boolean
}

/** What the command line asked for. */
export type Parsed =
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'version' }
  | {
      readonly kind: 'run'
      readonly command: CommandSpec
      readonly args: readonly string[]
      readonly extra: readonly string[]
      readonly options: Readonly<Record<string, string | boolean | string[] | undefined>>
    }

/** The whole program: its name, description, global options and commands. */
export interface ProgramSpec {
  readonly name: string
  readonly description: string
  readonly options: Readonly<Record<string, OptionSpec>>
  readonly commands: readonly CommandSpec[]
  /** The command run when the command line names none. */
  readonly defaultCommand: CommandSpec
  readonly epilogue?: string
}

const HELP: OptionSpec = { type: 'boolean', short: 'h', description: 'show this help' }
const VERSION: OptionSpec = { type: 'boolean', short: 'V', description: 'print the version' }

function optionLabel(name: string, spec: OptionSpec): string {
  const long = `--${name}${spec.type === 'string' ? ` ${spec.value ?? '<value>'}` : ''}`
  return spec.short === undefined ? `    ${long}` : `-${spec.short}, ${long}`
}

function table(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length)) + 2
  return rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`)
}

function optionRows(options: Readonly<Record<string, OptionSpec>>): [string, string][] {
  return Object.entries(options).map(([name, spec]) => [
    optionLabel(name, spec),
    spec.default === undefined ? spec.description : `${spec.description} (default ${spec.default})`,
  ])
}

function usageOf(program: ProgramSpec, command: CommandSpec): string {
  const args = (command.args ?? []).map((arg) => ` <${arg.name}>`).join('')
  return `${program.name} ${command.words.join(' ')} [options]${args}`
}

/** The help text of the program, or of one command. */
export function helpText(program: ProgramSpec, command?: CommandSpec): string {
  const lines: string[] = []
  if (command === undefined) {
    lines.push(`Usage: ${program.name} [options] [command]`, '', program.description, '')
    lines.push('Commands:')
    lines.push(
      ...table(
        program.commands.map((spec) => [
          [...spec.words, ...(spec.args ?? []).map((arg) => `<${arg.name}>`)].join(' '),
          spec === program.defaultCommand ? `${spec.description} (default)` : spec.description,
        ]),
      ),
    )
  } else {
    lines.push(`Usage: ${usageOf(program, command)}`, '', command.description)
    if (command.args !== undefined && command.args.length > 0) {
      lines.push('', 'Arguments:')
      lines.push(...table(command.args.map((arg) => [`<${arg.name}>`, arg.description])))
    }
    if (command.options !== undefined) {
      lines.push('', 'Options:', ...table(optionRows(command.options)))
    }
  }
  lines.push('', 'Global options:')
  lines.push(...table(optionRows({ ...program.options, version: VERSION, help: HELP })))
  if (program.epilogue !== undefined) lines.push('', program.epilogue)
  return `${lines.join('\n')}\n`
}

/** Every option any command knows, so that each one that takes a value is given its value. */
function allOptions(program: ProgramSpec): Record<string, OptionSpec> {
  const all: Record<string, OptionSpec> = { ...program.options, help: HELP, version: VERSION }
  for (const command of program.commands) Object.assign(all, command.options)
  return all
}

function findCommand(program: ProgramSpec, positionals: readonly string[]): CommandSpec {
  const [first] = positionals
  if (first === undefined) return program.defaultCommand
  const matches = program.commands.filter((command) => command.words[0] === first)
  // The longest command the words name: `connectors show x` is `connectors show`, not `connectors`.
  const exact = matches
    .filter((command) => command.words.every((word, index) => positionals[index] === word))
    .sort((a, b) => b.words.length - a.words.length)[0]
  if (exact !== undefined) return exact
  const shown = /^[a-z][a-z0-9-]{0,30}$/i.test(first) ? `"${first}"` : '(not shown)'
  if (matches.length > 0) {
    const choices = matches.map((command) => command.words.slice(1).join(' ')).join(', ')
    throw new UsageError(`"${first}" takes one of these commands: ${choices}.`)
  }
  const names = [...new Set(program.commands.map((command) => command.words[0]))]
  throw new UsageError(
    `Unknown command ${shown}. Commands: ${names.join(', ')}; see ${program.name} --help.`,
  )
}

/** Parses a command line (without `node` and the script) against the program. */
export function parseCommandLine(program: ProgramSpec, argv: readonly string[]): Parsed {
  const known = allOptions(program)
  const { tokens } = parseArgs({
    args: [...argv],
    options: Object.fromEntries(
      Object.entries(known).map(([name, spec]) => [
        name,
        spec.short === undefined ? { type: spec.type } : { type: spec.type, short: spec.short },
      ]),
    ),
    strict: false,
    allowPositionals: true,
    tokens: true,
  })
  const positionals = tokens.flatMap((token) => (token.kind === 'positional' ? [token.value] : []))
  const named = new Set(tokens.flatMap((token) => (token.kind === 'option' ? [token.name] : [])))
  // An option no command knows comes first: its value, if any, was taken for an argument.
  const unknown = tokens.find(
    (token) => token.kind === 'option' && !Object.hasOwn(known, token.name),
  )
  if (unknown?.kind === 'option') {
    throw new UsageError(`Unknown option ${unknown.rawName}; see ${program.name} --help.`)
  }
  const wantsHelp = named.has('help')
  if (named.has('version') && !wantsHelp) return { kind: 'version' }
  if (wantsHelp) {
    // Help for the command named, or for the program when none (or no whole one) is named.
    let command: CommandSpec | undefined
    try {
      command = positionals.length === 0 ? undefined : findCommand(program, positionals)
    } catch {
      command = undefined
    }
    return { kind: 'help', text: helpText(program, command) }
  }
  const command = findCommand(program, positionals)
  const allowed: Record<string, OptionSpec> = { ...program.options, ...command.options }
  const options: Record<string, string | boolean | string[] | undefined> = {}
  for (const [name, spec] of Object.entries(allowed)) {
    options[name] = spec.multiple === true ? [] : spec.default
  }
  const where = `${program.name} ${command.words.join(' ')}`
  for (const token of tokens) {
    if (token.kind !== 'option') continue
    const spec = allowed[token.name]
    const label = token.rawName.startsWith('--') ? token.rawName : `-${token.name}`
    if (spec === undefined || !Object.hasOwn(allowed, token.name)) {
      throw new UsageError(`Unknown option ${label} for ${where}; see ${where} --help.`)
    }
    if (spec.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`${label} takes no value.`)
      options[token.name] = true
    } else if (token.value === undefined) {
      throw new UsageError(`${label} needs a value: ${label} ${spec.value ?? '<value>'}.`)
    } else if (spec.multiple === true) {
      ;(options[token.name] as string[]).push(token.value)
    } else {
      options[token.name] = token.value
    }
  }
  const rest = positionals.slice(positionals.length === 0 ? 0 : command.words.length)
  const declared = command.args ?? []
  const missing = declared.slice(rest.length)
  if (missing.length > 0) {
    throw new UsageError(
      `${where} needs ${missing.map((arg) => `<${arg.name}>`).join(' ')}; see ${where} --help.`,
    )
  }
  const extra = rest.slice(declared.length)
  if (extra.length > 0 && command.extraArgs !== true) {
    throw new UsageError(
      `${where} takes ${declared.length === 0 ? 'no arguments' : `${declared.length} argument(s)`}; ${extra.length} more given (not shown).`,
    )
  }
  return { kind: 'run', command, args: rest.slice(0, declared.length), extra, options }
}
