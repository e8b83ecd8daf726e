import {
  loadCatalogue,
  type RunningSandbox,
  SANDBOX_ORGANIZATION_SECRET,
  SANDBOX_USER_SECRET,
  startSandbox,
} from '@plugboard/sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registry } from '../src/app-registry.js'
import { CATALOGUE_PAGE_SIZE } from '../src/commands/catalogue.js'
import { cliRun } from './run-cli.js'

const PASSWORD = 'abbyy-Secret-Password-0042'
const env = {
  PLUGBOARD_USER_SECRET: SANDBOX_USER_SECRET,
  PLUGBOARD_ORGANIZATION_SECRET: SANDBOX_ORGANIZATION_SECRET,
}

describe("plugboard-demo and the platform's catalogue (--base-url)", () => {
  let sandbox: RunningSandbox
  const target = () => ['--base-url', sandbox.baseUrl]
  const catalogue = loadCatalogue()

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, host: '127.0.0.1', database: ':memory:', registry })
  })
  afterAll(async () => {
    await sandbox.close()
  })

  it('connectors --all lists the whole catalogue over every page, marking the packaged keys', async () => {
    const result = await cliRun(['connectors', '--all', '--json', ...target()], env)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const rows = JSON.parse(result.stdout) as { key: string; packaged: boolean }[]
    // More than one page of the sandbox's catalogue: the next-page token was followed.
    expect(catalogue.elements.length).toBeGreaterThan(CATALOGUE_PAGE_SIZE)
    expect(rows.map((row) => row.key)).toEqual(catalogue.elements.map((element) => element.key))
    const packaged = rows.filter((row) => row.packaged).map((row) => row.key)
    expect(packaged.sort()).toEqual(
      registry
        .keys()
        .filter((key) => catalogue.get(key) !== undefined)
        .sort(),
    )
    expect(packaged).toContain('chargebee')
  })

  it('connectors --all filters by hub and text, and marks packaged keys with * in text', async () => {
    const crm = await cliRun(['connectors', '--all', '--hub', 'crm', '--json', ...target()], env)
    const keys = (JSON.parse(crm.stdout) as { key: string }[]).map((row) => row.key)
    expect(keys).toEqual(catalogue.search({ hub: 'crm' }).map((element) => element.key))
    expect(keys).not.toContain('chargebee')
    const text = await cliRun(['connectors', '--all', '--text', 'charge', ...target()], env)
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(/^\* chargebee /m)
    expect(text.stdout).not.toContain('abbyy')
  })

  it('refuses --hub without --all with exit code 2', async () => {
    const result = await cliRun(['connectors', '--hub', 'crm'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--all')
  })

  it('connectors show reads a packaged connector offline and a catalogued one from the platform', async () => {
    const packaged = await cliRun(
      ['connectors', 'show', 'chargebee', '--json', '--base-url', 'http://127.0.0.1:9/'],
      env,
    )
    expect(packaged.code).toBe(0)
    expect(JSON.parse(packaged.stdout)).toMatchObject({
      key: 'chargebee',
      source: 'package',
      entries: expect.arrayContaining([
        expect.objectContaining({ key: 'username', required: true, secret: true }),
      ]),
    })
    const described = await cliRun(['connectors', 'show', 'abbyy', '--json', ...target()], env)
    expect(described.code).toBe(0)
    expect(JSON.parse(described.stdout)).toMatchObject({
      key: 'abbyy',
      source: 'platform',
      entries: expect.arrayContaining([
        expect.objectContaining({ key: 'username', required: true, secret: false }),
        expect.objectContaining({ key: 'password', required: true, secret: true }),
      ]),
    })
    const unknown = await cliRun(['connectors', 'show', 'nosuchthing', ...target()], env)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('chargebee')
  })

  it('provisions a catalogued key without a package, naming every missing entry first', async () => {
    expect(registry.has('abbyy')).toBe(false)
    const missing = await cliRun(['provision', 'abbyy', ...target()], env)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('username')
    expect(missing.stderr).toContain('password')

    const result = await cliRun(
      [
        'provision',
        'abbyy',
        '--name',
        'OCR',
        '--set',
        'username=acme',
        '--set',
        `password=${PASSWORD}`,
        '--json',
        ...target(),
      ],
      env,
    )
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const instance = JSON.parse(result.stdout) as {
      id: number
      connector: string
      configuration: Record<string, unknown>
    }
    expect(instance).toMatchObject({ connector: 'abbyy', name: 'OCR' })
    expect(instance.configuration.username).toBe('acme')
    expect(result.stdout).not.toContain(PASSWORD)
    const text = await cliRun(['instances', 'get', String(instance.id), ...target()], env)
    expect(text.stdout).toContain('abbyy')
    expect(text.stdout).not.toContain(PASSWORD)
  })
})
