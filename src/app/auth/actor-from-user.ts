import type { UserRecord } from '../../db/repositories/auth-repository.ts'
import { ROLES, type Role } from '../../domain/access/policies.ts'
import type { Actor } from '../shared/actor.ts'

/**
 * The actor for a user record, or undefined for an inactive account or a role that cannot act for people.
 * @param user - the user
 * @returns the actor
 */
export function actorFromUser(user: UserRecord): Actor | undefined {
  if (!user.isActive || !(ROLES as readonly string[]).includes(user.role)) {
    return undefined
  }
  return {
    userId: user.id,
    authorityId: user.authorityId,
    authorityName: user.authorityName,
    role: user.role as Role,
    displayName: user.displayName,
    email: user.email,
    teamId: user.teamId,
    serviceId: user.serviceId,
  }
}
