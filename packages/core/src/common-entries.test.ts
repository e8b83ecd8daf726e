import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { COMMON_ENTRY_KEYS, COMMON_ENTRY_SCHEMAS, commonEntries } from './common-entries.js'
import { configEntries } from './config-entries.js'
import { InvalidArgumentError } from './errors/invalid-argument-error.js'
import { PLATFORM_COMMON_ENTRIES } from './protocol/platform-entries.js'

const config = v.strictObject({
  'acme.site': v.pipe(v.string(), v.nonEmpty()),
  ...commonEntries(...COMMON_ENTRY_KEYS),
})

function issuesOf(input: unknown): string[] {
  const result = v.safeParse(config, input)
  return result.success ? [] : result.issues.map((issue) => issue.message)
}

describe('commonEntries', () => {
  it('gives the entries asked for, in the order asked, and no other', () => {
    const entries = commonEntries('filter.response.nulls', 'event.vendor.type')
    expect(Object.keys(entries)).toEqual(['filter.response.nulls', 'event.vendor.type'])
    expect(Object.keys(commonEntries())).toEqual([])
    expect(entries['event.vendor.type']).toBe(COMMON_ENTRY_SCHEMAS['event.vendor.type'])
    expect(Object.isFrozen(COMMON_ENTRY_SCHEMAS)).toBe(true)
  })

  it('holds every entry the platform adds to each instance', () => {
    for (const key of Object.keys(PLATFORM_COMMON_ENTRIES)) expect(COMMON_ENTRY_KEYS).toContain(key)
  })

  it('makes every entry optional, the signature key a masked secret', () => {
    const listed = configEntries(config).filter((entry) => entry.key !== 'acme.site')
    expect(listed.map((entry) => entry.key)).toEqual([...COMMON_ENTRY_KEYS])
    expect(listed.every((entry) => !entry.required && entry.description !== '')).toBe(true)
    expect(listed.filter((entry) => entry.secret).map((entry) => entry.key)).toEqual([
      'event.notification.signature.key',
    ])
    expect(listed.filter((entry) => entry.masked).map((entry) => entry.key)).toEqual([
      'event.notification.signature.key',
    ])
  })

  it('accepts what the platform reads and refuses what it cannot', () => {
    expect(
      issuesOf({
        'acme.site': 'acme',
        'event.notification.enabled': true,
        'event.vendor.type': 'polling',
        'event.notification.callback.url': 'https://app.example.test/events',
        'event.notification.signature.key': 'k',
        'event.poller.refresh_interval': '15',
        'event.poller.configuration': '{"customers":{"url":"/hubs/crm/customers","idField":"id"}}',
        'filter.response.nulls': 'false',
      }),
    ).toEqual([])
    expect(
      issuesOf({
        'acme.site': 'acme',
        'event.notification.enabled': 'yes',
        'event.poller.refresh_interval': '0',
        'event.poller.configuration': '[]',
        'filter.response.nulls': 1,
      }),
    ).toEqual([
      'expected true or false',
      'expected a whole number of minutes, 1 or more',
      'expected the JSON text of an object',
      'expected true or false',
    ])
  })

  it('refuses a key that is not shared, naming those that are', () => {
    const ask = commonEntries as (...keys: string[]) => unknown
    expect(() => ask('event.vendor.type', 'base.url')).toThrow(InvalidArgumentError)
    expect(() => ask('base.url')).toThrow(/"base\.url" is not .*event\.notification\.enabled/)
  })
})
