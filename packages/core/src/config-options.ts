import type { AnyConfigSchema, ChoiceConfigSchema, ConfigSchema } from './connector.js'

type Option = ConfigSchema & { readonly entries: Record<string, unknown> }

/** Whether a configuration schema is a choice (a valibot `variant`) rather than one strict object. */
export function isChoiceSchema(schema: AnyConfigSchema): schema is ChoiceConfigSchema {
  return (schema as { readonly type?: unknown }).type === 'variant'
}

/** The strict objects of a configuration schema: itself, or each option of a choice. */
export function configOptions(schema: AnyConfigSchema): readonly ConfigSchema[] {
  return isChoiceSchema(schema) ? (schema.options as unknown as readonly Option[]) : [schema]
}

/** The values an option's choosing entry takes (a `v.literal`, or a `v.picklist`). */
export function optionValues(option: ConfigSchema, key: string): readonly string[] {
  const entry = option.entries[key] as
    | { readonly literal?: unknown; readonly options?: unknown }
    | undefined
  if (entry === undefined) return []
  if (typeof entry.literal === 'string') return [entry.literal]
  if (Array.isArray(entry.options)) {
    return entry.options.filter((value): value is string => typeof value === 'string')
  }
  return []
}

/** Every value the choosing entry of a choice takes, in the options' order. */
export function choiceValues(schema: ChoiceConfigSchema): readonly string[] {
  return configOptions(schema).flatMap((option) => optionValues(option, schema.key))
}

/** The option of a choice that `value` of its choosing entry selects, if any. */
export function choiceOption(schema: ChoiceConfigSchema, value: unknown): ConfigSchema | undefined {
  if (typeof value !== 'string') return undefined
  return configOptions(schema).find((option) => optionValues(option, schema.key).includes(value))
}

/** Whether `key` is an entry of the schema (of any of its options, for a choice). */
export function hasEntry(schema: AnyConfigSchema, key: string): boolean {
  return configOptions(schema).some((option) => Object.hasOwn(option.entries, key))
}
