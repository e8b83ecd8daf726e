import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { PlugboardError } from './errors/base.js'
import { ConfigurationError } from './errors/configuration-error.js'
import { InvalidArgumentError } from './errors/invalid-argument-error.js'
import { RegistrationError, UnknownConnectorError } from './errors/registry-errors.js'
import {
  NetworkError,
  PlatformError,
  ResponseValidationError,
  TimeoutError,
} from './errors/request-errors.js'

const request = { method: 'GET', path: '/instances' }

/** A class defined apart from ours, as another copy of @plugboard/core would define it. */
function foreignCopy(names: readonly string[]): Error {
  class Foreign extends Error {}
  const error = new Foreign('from another copy')
  for (const name of names) {
    Object.defineProperty(error, Symbol.for(`@plugboard/core/${name}`), { value: true })
  }
  return error
}

describe('errors', () => {
  it('answers isInstance for each class of an error’s chain, and only those', () => {
    const error = new PlatformError({ request, status: 500, platformMessage: 'boom' })
    expect(PlatformError.isInstance(error)).toBe(true)
    expect(PlugboardError.isInstance(error)).toBe(true)
    expect(ConfigurationError.isInstance(error)).toBe(false)
    expect(TimeoutError.isInstance(error)).toBe(false)
    expect(PlugboardError.isInstance(new Error('x'))).toBe(false)
    expect(PlugboardError.isInstance(null)).toBe(false)
    expect(PlugboardError.isInstance('PlatformError')).toBe(false)
  })

  it('recognises errors branded by another copy of the package', () => {
    const foreign = foreignCopy(['PlugboardError', 'ConfigurationError'])
    expect(foreign instanceof ConfigurationError).toBe(false)
    expect(ConfigurationError.isInstance(foreign)).toBe(true)
    expect(PlugboardError.isInstance(foreign)).toBe(true)
    expect(PlatformError.isInstance(foreign)).toBe(false)
  })

  it('names every class and marks what may be retried', () => {
    const errors: [PlugboardError, string, boolean][] = [
      [new ConfigurationError({ connectorKey: 'acme', issues: [] }), 'ConfigurationError', false],
      [new UnknownConnectorError({ key: 'x', knownKeys: [] }), 'UnknownConnectorError', false],
      [
        new RegistrationError({ key: 'x', reason: 'duplicate-key', message: 'm' }),
        'RegistrationError',
        false,
      ],
      [new InvalidArgumentError({ argument: 'name', message: 'm' }), 'InvalidArgumentError', false],
      [new PlatformError({ request, status: 429, platformMessage: 'm' }), 'PlatformError', true],
      [new PlatformError({ request, status: 400, platformMessage: 'm' }), 'PlatformError', false],
      [
        new ResponseValidationError({ request, fieldPath: 'id', issues: ['id: x'] }),
        'ResponseValidationError',
        false,
      ],
      [new NetworkError({ request, reason: 'ECONNRESET' }), 'NetworkError', true],
      [new TimeoutError({ request, timeout: 100 }), 'TimeoutError', true],
    ]
    for (const [error, name, retryable] of errors) {
      expect(error.name).toBe(name)
      expect(error.isRetryable).toBe(retryable)
      expect(error).toBeInstanceOf(PlugboardError)
      expect(inspect(error)).toContain(name)
    }
  })

  it('describes a refused configuration entry by entry', () => {
    const error = new ConfigurationError({
      connectorKey: 'acme',
      issues: [
        { key: 'site', kind: 'missing', message: '"site" is required' },
        { key: 'apiKey', kind: 'missing', message: '"apiKey" is required' },
        { key: 'region', kind: 'invalid', message: 'expected eu or us' },
        { key: 'colour', kind: 'unknown', message: 'not an entry' },
      ],
    })
    expect(error.message).toBe(
      'The acme configuration was refused: missing required entries: site, apiKey; invalid entry "region": expected eu or us; unknown entries: colour.',
    )
    expect(error.missing).toEqual(['site', 'apiKey'])
    expect(error.invalid).toEqual(['region'])
    expect(error.unknown).toEqual(['colour'])
  })
})
