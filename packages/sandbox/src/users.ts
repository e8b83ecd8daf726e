import type { SandboxOrganization } from './auth.js'

/** A user of a sandbox organization: the platform user instance answers name as their owner. */
export interface SandboxUser {
  /** The user's numeric id. */
  readonly id: number
  /** The user's email address. */
  readonly emailAddress: string
  /** The user's first name. */
  readonly firstName: string
  /** The user's last name. */
  readonly lastName: string
}

/** The user of the development organization, and of any organization given without one. */
export const SANDBOX_DEFAULT_USER: SandboxUser = Object.freeze({
  id: 1,
  emailAddress: 'developer@sandbox.plugboard.invalid',
  firstName: 'Sandbox',
  lastName: 'Developer',
})

/** The user an organization entry's secrets authenticate: its own, else the default user. */
export function userOf(organization: SandboxOrganization): SandboxUser {
  return organization.user ?? SANDBOX_DEFAULT_USER
}

/**
 * Finds the owner of an instance among the organizations' users: the user with `ownerId` in the
 * instance's organization, else that organization's first user (for instances stored before
 * owners were recorded, or whose owner is no longer configured).
 */
export function createOwnerLookup(
  organizations: readonly SandboxOrganization[],
): (organizationId: string, ownerId: string | undefined) => SandboxUser {
  const byOrganization = new Map<string, SandboxUser[]>()
  for (const organization of organizations) {
    const users = byOrganization.get(organization.id) ?? []
    users.push(userOf(organization))
    byOrganization.set(organization.id, users)
  }
  return (organizationId, ownerId) => {
    const users = byOrganization.get(organizationId) ?? [SANDBOX_DEFAULT_USER]
    return users.find((user) => String(user.id) === ownerId) ?? users[0] ?? SANDBOX_DEFAULT_USER
  }
}
