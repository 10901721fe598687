import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Tx } from '../client.ts'
import { authorities, services, teams, users } from '../schema/index.ts'

export interface TeamSummary {
  readonly id: string
  readonly name: string
  readonly serviceId: string
}

export interface UserSummary {
  readonly id: string
  readonly displayName: string
  readonly role: string
  readonly teamId: string | null
  readonly email: string
}

/**
 * The authority of the current transaction.
 * @param tx - the transaction
 * @returns its code, name and policy pack
 */
export async function loadAuthority(
  tx: Tx,
): Promise<{ authorityId: string; code: string; name: string; policyPack: string; isDemo: boolean } | undefined> {
  const [row] = await tx.select().from(authorities).limit(1)
  return row
}

/**
 * Every team in the authority, by name.
 * @param tx - the transaction
 * @returns the teams
 */
export async function listTeams(tx: Tx): Promise<TeamSummary[]> {
  return tx.select({ id: teams.id, name: teams.name, serviceId: teams.serviceId }).from(teams).orderBy(asc(teams.name))
}

/**
 * Active users with one of some roles.
 * @param tx - the transaction
 * @param roles - the roles
 * @returns the users, by name
 */
export async function listUsersWithRoles(tx: Tx, roles: readonly string[]): Promise<UserSummary[]> {
  return tx
    .select({
      id: users.id,
      displayName: users.displayName,
      role: users.role,
      teamId: users.teamId,
      email: users.email,
    })
    .from(users)
    .where(and(inArray(users.role, [...roles]), eq(users.isActive, true)))
    .orderBy(asc(users.displayName))
}

/**
 * Users by id.
 * @param tx - the transaction
 * @param ids - the users
 * @returns those found
 */
export async function loadUsers(tx: Tx, ids: readonly string[]): Promise<UserSummary[]> {
  if (ids.length === 0) {
    return []
  }
  return tx
    .select({
      id: users.id,
      displayName: users.displayName,
      role: users.role,
      teamId: users.teamId,
      email: users.email,
    })
    .from(users)
    .where(inArray(users.id, [...ids]))
}

/**
 * Teams by id.
 * @param tx - the transaction
 * @param ids - the teams
 * @returns those found
 */
export async function loadTeams(tx: Tx, ids: readonly string[]): Promise<TeamSummary[]> {
  if (ids.length === 0) {
    return []
  }
  return tx
    .select({ id: teams.id, name: teams.name, serviceId: teams.serviceId })
    .from(teams)
    .where(inArray(teams.id, [...ids]))
}

/**
 * Services of the authority.
 * @param tx - the transaction
 * @returns the services
 */
export async function listServices(tx: Tx): Promise<{ id: string; name: string }[]> {
  return tx.select({ id: services.id, name: services.name }).from(services).orderBy(asc(services.name))
}
