import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadCatalogue } from './catalogue.js'
import { describeConfiguration, platformTypeOf } from './describe.js'
import { checkAgainstCatalogue } from './validate.js'

const catalogue = loadCatalogue()
/** The facts the shipped data was copied from, when this checkout has them beside it. */
const facts = (() => {
  try {
    return JSON.parse(
      readFileSync(
        new URL('../../../../../shared/catalogue/elements.json', import.meta.url),
        'utf8',
      ),
    ) as { elements: { key: string }[] }
  } catch {
    return undefined
  }
})()

describe('the shipped catalogue', () => {
  it('holds all 157 documented connectors, each with a distinct key and a stable id', () => {
    expect(catalogue.elements).toHaveLength(157)
    expect(new Set(catalogue.elements.map((element) => element.key)).size).toBe(157)
    const ids = catalogue.elements.map((element) => element.id)
    expect(ids).toEqual(Array.from({ length: 157 }, (_, n) => 10_001 + n))
    expect(catalogue.source).toMatch(/developer portal/)
  })

  it.skipIf(facts === undefined)('has exactly the keys of the facts it was copied from', () => {
    expect(catalogue.elements.map((element) => element.key)).toEqual(
      facts?.elements.map((element) => element.key).sort(),
    )
  })

  it('finds an element by key or by its numeric id, and nothing for an unknown one', () => {
    const pipedrive = catalogue.get('pipedrive')
    expect(pipedrive?.name).toBe('Pipedrive')
    expect(catalogue.get(String(pipedrive?.id))).toBe(pipedrive)
    expect(catalogue.get('nope')).toBeUndefined()
    expect(catalogue.get('0')).toBeUndefined()
  })

  it('filters by hub, authentication and text, all conditions together', () => {
    const payment = catalogue.search({ hub: 'payment' })
    expect(payment.map((element) => element.key)).toContain('chargebee')
    expect(payment.every((element) => element.hub === 'payment')).toBe(true)
    const oauth1 = catalogue.search({ authentication: 'oauth1' })
    expect(oauth1).toHaveLength(7)
    expect(catalogue.search({ text: 'HUBSPOT' }).map((element) => element.key)).toContain(
      'hubspotcrm',
    )
    expect(catalogue.search({ hub: 'payment', text: 'stripe' }).map((e) => e.key)).toEqual([
      'stripe',
    ])
  })
})

describe('describeConfiguration', () => {
  it("describes a connector's entries as the platform does, then the common entries", () => {
    const pipedrive = catalogue.get('pipedrive')
    if (pipedrive === undefined) throw new Error('pipedrive is catalogued')
    const entries = describeConfiguration(pipedrive)
    expect(entries.map((entry) => entry.key)).toEqual([
      'pipedrive.email',
      'pipedrive.password',
      'event.notification.enabled',
      'event.vendor.type',
      'event.notification.callback.url',
      'filter.response.nulls',
    ])
    expect(entries[1]).toMatchObject({ type: 'PASSWORD', required: true })
    expect(entries[0]?.type).toMatch(/^TEXTFIELD_\d+$/)
    expect(entries.at(-1)).toMatchObject({ type: 'BOOLEAN', defaultValue: 'true' })
    for (const entry of entries) {
      expect(Object.keys(entry).sort()).toEqual([
        'defaultValue',
        'description',
        'hideFromConsole',
        'key',
        'name',
        'required',
        'type',
      ])
      expect(entry.description).not.toBe('')
    }
  })

  it('masks what the platform masks: secrets and OAuth keys, not an API key kept in username', () => {
    const type = (key: string) => platformTypeOf({ key, required: true, secret: true })
    expect(type('password')).toBe('PASSWORD')
    expect(type('oauth.api.key')).toBe('PASSWORD')
    expect(type('oauth.api.secret')).toBe('PASSWORD')
    expect(type('username')).toMatch(/^TEXTFIELD_/)
    expect(platformTypeOf({ key: 'zuorav2.sandbox', required: false, secret: false })).toBe(
      'BOOLEAN',
    )
  })

  it('describes every catalogued connector without a gap', () => {
    for (const element of catalogue.elements) {
      for (const entry of describeConfiguration(element)) {
        expect(entry.name, `${element.key} ${entry.key}`).not.toBe('')
        expect(entry.type).toMatch(/^(PASSWORD|BOOLEAN|TEXTFIELD_\d+)$/)
      }
    }
  })
})

describe('checkAgainstCatalogue', () => {
  const pipedrive = catalogue.get('pipedrive')
  if (pipedrive === undefined) throw new Error('pipedrive is catalogued')

  it('names every missing required entry and every unknown one', () => {
    expect(checkAgainstCatalogue(pipedrive, { 'pipedrive.email': '', colour: 'red' })).toEqual({
      missing: ['pipedrive.email', 'pipedrive.password'],
      unknown: ['colour'],
    })
  })

  it("accepts the connector's entries with the platform's common and default entries", () => {
    expect(
      checkAgainstCatalogue(pipedrive, {
        'pipedrive.email': 'ops@example.com',
        'pipedrive.password': 'pw',
        'event.notification.enabled': 'true',
        'event.poller.configuration': '{}',
        'filter.response.nulls': 'true',
        ...pipedrive.platformDefaults,
      }),
    ).toEqual({ missing: [], unknown: [] })
  })
})
