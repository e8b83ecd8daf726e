import { readFileSync } from 'node:fs'
import { BlockList, isIP } from 'node:net'
import * as v from 'valibot'
import type { SandboxOrganization } from './auth.js'
import {
  SANDBOX_ORGANIZATION_ID,
  SANDBOX_ORGANIZATION_SECRET,
  SANDBOX_USER_SECRET,
} from './constants.js'

/** The environment variables the bin reads one organization's secrets from. */
export const ORGANIZATION_ENV = {
  userSecret: 'PLUGBOARD_SANDBOX_USER_SECRET',
  organizationSecret: 'PLUGBOARD_SANDBOX_ORGANIZATION_SECRET',
  id: 'PLUGBOARD_SANDBOX_ORGANIZATION_ID',
} as const

const loopback = new BlockList()
loopback.addSubnet('127.0.0.0', 8, 'ipv4')
loopback.addAddress('::1', 'ipv6')

/** Whether listening on `host` keeps the sandbox to this machine: `localhost`, 127.0.0.0/8 or ::1. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host
  if (bare.toLowerCase() === 'localhost') return true
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1]
  if (mapped !== undefined) return loopback.check(mapped, 'ipv4')
  const family = isIP(bare)
  if (family === 4) return loopback.check(bare, 'ipv4')
  if (family === 6) return loopback.check(bare, 'ipv6')
  return false
}

// Every message is written here: valibot's own would quote the value received, a secret maybe.
const secret = v.pipe(
  v.string('expected a string'),
  v.trim(),
  v.nonEmpty('expected a non-empty secret'),
)
const organizationsFile = v.pipe(
  v.array(
    v.strictObject(
      {
        id: v.pipe(v.string('expected a string'), v.nonEmpty('expected a non-empty id')),
        userSecret: secret,
        organizationSecret: secret,
        user: v.optional(
          v.strictObject(
            {
              id: v.pipe(
                v.number('expected a number'),
                v.integer('expected an integer'),
                v.minValue(1, 'expected a positive id'),
              ),
              emailAddress: v.pipe(
                v.string('expected a string'),
                v.email('expected an email address'),
              ),
              firstName: v.string('expected a string'),
              lastName: v.string('expected a string'),
            },
            'expected a user object with id, emailAddress, firstName and lastName only',
          ),
        ),
      },
      'expected an object with id, userSecret, organizationSecret and (optionally) user only',
    ),
    'expected an array',
  ),
  v.minLength(1, 'expected at least one organization'),
)

/** Whether an organization uses the public development secrets. */
export function usesDevelopmentSecrets(organization: SandboxOrganization): boolean {
  return (
    organization.userSecret === SANDBOX_USER_SECRET ||
    organization.organizationSecret === SANDBOX_ORGANIZATION_SECRET
  )
}

/**
 * The organizations the bin was given: from `--organizations <file>` (a JSON array of
 * `{id, userSecret, organizationSecret}`), else from the {@link ORGANIZATION_ENV} variables, else
 * `undefined` (the development organization). Errors name the file or variable, never a secret.
 */
export function givenOrganizations(
  file: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): SandboxOrganization[] | undefined {
  if (file !== undefined) {
    let parsed: unknown
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'))
    } catch (error) {
      const reason =
        error instanceof SyntaxError ? 'it is not valid JSON' : (error as Error).message
      throw new Error(`--organizations ${file} could not be read: ${reason}`)
    }
    const result = v.safeParse(organizationsFile, parsed)
    if (!result.success) {
      const problems = result.issues.map((issue) => {
        const path = v.getDotPath(issue)
        return path === null ? issue.message : `${path}: ${issue.message}`
      })
      throw new Error(
        `--organizations ${file} must be a JSON array of {id, userSecret, organizationSecret}: ${problems.join('; ')}`,
      )
    }
    return result.output
  }
  const userSecret = env[ORGANIZATION_ENV.userSecret]?.trim() ?? ''
  const organizationSecret = env[ORGANIZATION_ENV.organizationSecret]?.trim() ?? ''
  if (userSecret === '' && organizationSecret === '') return undefined
  if (userSecret === '' || organizationSecret === '') {
    throw new Error(
      `set both ${ORGANIZATION_ENV.userSecret} and ${ORGANIZATION_ENV.organizationSecret}, or neither`,
    )
  }
  const id = env[ORGANIZATION_ENV.id]?.trim() || SANDBOX_ORGANIZATION_ID
  return [{ id, userSecret, organizationSecret }]
}
