import { findApiTokenByHash, loadUser, touchApiToken } from '../../db/repositories/auth-repository.ts'
import type { Actor } from '../shared/actor.ts'
import type { AppDependencies } from '../shared/dependencies.ts'
import { actorFromUser } from './actor-from-user.ts'
import { hashToken } from './tokens.ts'

/**
 * Resolves a bearer token to the user it was issued to.
 * @param deps - the application's dependencies
 * @param token - the bearer token
 * @returns the actor, or undefined when the token is unknown, revoked or its user inactive
 */
export async function authenticateApiToken(deps: AppDependencies, token: string): Promise<Actor | undefined> {
  const found = await findApiTokenByHash(deps.db, hashToken(token))
  if (!found) {
    return undefined
  }
  return deps.db.withAuthority({ authorityId: found.authorityId, userId: found.userId }, async tx => {
    const user = await loadUser(tx, found.userId)
    const actor = user ? actorFromUser(user) : undefined
    if (actor) {
      await touchApiToken(tx, found.tokenId, new Date(deps.clock.now()))
    }
    return actor
  })
}
