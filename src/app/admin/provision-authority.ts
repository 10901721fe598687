import { randomUUID } from 'node:crypto'
import { hash } from '@node-rs/argon2'
import { insertAuthority, insertService, insertTeam, insertUser } from '../../db/repositories/admin-repository.ts'
import type { Database } from '../../db/client.ts'
import type { Role } from '../../domain/access/policies.ts'
import { assertAcceptablePassword } from '../auth/password-deny-list.ts'

export interface AuthorityPlan {
  readonly code: string
  readonly name: string
  readonly policyPack: string
  readonly isDemo: boolean
  readonly services: readonly { name: string; teams: readonly string[] }[]
}

export interface ProvisionedAuthority {
  readonly authorityId: string
  readonly serviceIds: ReadonlyMap<string, string>
  readonly teamIds: ReadonlyMap<string, string>
}

/**
 * Creates an authority with its services and teams, in one transaction per step.
 * @param db - the database
 * @param plan - what to create
 * @returns the ids
 */
export async function provisionAuthority(db: Database, plan: AuthorityPlan): Promise<ProvisionedAuthority> {
  const authorityId = randomUUID()
  await insertAuthority(db, {
    authorityId,
    code: plan.code,
    name: plan.name,
    policyPack: plan.policyPack,
    isDemo: plan.isDemo,
  })
  const serviceIds = new Map<string, string>()
  const teamIds = new Map<string, string>()
  await db.withAuthority({ authorityId }, async tx => {
    for (const service of plan.services) {
      const serviceId = randomUUID()
      serviceIds.set(service.name, serviceId)
      await insertService(tx, { id: serviceId, authorityId, name: service.name })
      for (const team of service.teams) {
        const teamId = randomUUID()
        teamIds.set(team, teamId)
        await insertTeam(tx, { id: teamId, authorityId, serviceId, name: team })
      }
    }
  })
  return { authorityId, serviceIds, teamIds }
}

export interface UserPlan {
  readonly email: string
  readonly displayName: string
  readonly role: Role | 'system'
  readonly teamId: string | null
  readonly serviceId: string | null
  /** A password to set, or null for accounts that sign in another way (OIDC) or not at all. */
  readonly password: string | null
  readonly isDemo: boolean
}

/**
 * Creates a user in an authority. Passwords must meet the password policy (security SEC-04) and are stored only as
 * argon2id hashes.
 * @param db - the database
 * @param authorityId - the authority
 * @param user - the user
 * @returns the user's id
 * @throws RuleViolationError when the password breaks the policy
 */
export async function provisionUser(db: Database, authorityId: string, user: UserPlan): Promise<string> {
  if (user.password !== null) {
    assertAcceptablePassword(user.password, { email: user.email, displayName: user.displayName })
  }
  const id = randomUUID()
  const passwordHash = user.password === null ? null : await hash(user.password)
  await db.withAuthority({ authorityId }, tx =>
    insertUser(tx, {
      id,
      authorityId,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      teamId: user.teamId,
      serviceId: user.serviceId,
      passwordHash,
      isDemo: user.isDemo,
    }),
  )
  return id
}
