import { findApiTokenAndEnter, loadUser, touchApiToken } from '../../db/repositories/auth-repository.ts'
import type { Actor } from '../shared/actor.ts'
import type { AppDependencies } from '../shared/dependencies.ts'
import { actorFromUser } from './actor-from-user.ts'
import { hashToken } from './tokens.ts'

const NO_AUTHORITY = '00000000-0000-0000-0000-000000000000'

/**
 * Resolves a bearer token to the user it was issued to. A token of an inactive account, or of a demo account when
 * the server is not in demo mode, is refused, and that refusal is audited (security AUD-03, SEC-04).
 * @param deps - the application's dependencies
 * @param token - the bearer token
 * @param options - the deployment's settings and the request
 * @param options.isDemoMode - whether the server runs in demo mode
 * @param options.requestId - the request, for the audit trail
 * @param options.clientAddress - the client, for the audit trail
 * @returns the actor, or undefined when the token is unknown, revoked or may not be used
 */
export async function authenticateApiToken(
  deps: AppDependencies,
  token: string,
  options: { isDemoMode?: boolean; requestId?: string | null; clientAddress?: string | null } = {},
): Promise<Actor | undefined> {
  // One transaction: find the token (before the authority is known), enter its authority, load the user.
  return deps.db.withAuthority({ authorityId: NO_AUTHORITY }, async tx => {
    const found = await findApiTokenAndEnter(tx, hashToken(token))
    if (!found) {
      return undefined
    }
    const user = await loadUser(tx, found.userId)
    const actor = user ? actorFromUser(user) : undefined
    if (actor && user && (!user.isDemo || options.isDemoMode === true)) {
      await touchApiToken(tx, found.tokenId, new Date(deps.clock.now()))
      return actor
    }
    await deps.writeAuditEvent(tx, {
      authorityId: found.authorityId,
      userId: found.userId,
      role: null,
      childId: null,
      action: 'API_TOKEN_REFUSED',
      purpose: null,
      outcome: 'denied',
      clientAddress: options.clientAddress ?? null,
      requestId: options.requestId ?? null,
      method: null,
      route: null,
      breakGlassReason: null,
      details: { reason: user?.isDemo ? 'demo-account-outside-demo-mode' : 'account-inactive' },
    })
    return undefined
  })
}
