import {
  findSessionByTokenHash,
  loadSession,
  loadUser,
  revokeSession,
  touchSession,
} from '../../db/repositories/auth-repository.ts'
import type { Actor } from '../shared/actor.ts'
import type { AppDependencies } from '../shared/dependencies.ts'
import { actorFromUser } from './actor-from-user.ts'
import { hashToken } from './tokens.ts'

/** Sessions end after 30 minutes without use and 12 hours after sign-in (security SEC-05). */
export const SESSION_IDLE_MS = 30 * 60 * 1000
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000
/** Last-seen is written at most this often, to spare a write on every page. */
const TOUCH_INTERVAL_MS = 60 * 1000

export interface AuthenticatedSession {
  readonly actor: Actor
  readonly sessionId: string
  readonly csrfToken: string
  readonly isSecondFactorDone: boolean
  readonly needsSecondFactor: boolean
  readonly isTotpEnabled: boolean
}

/**
 * Resolves a session cookie to its user, ending the session when it has been idle too long or is past its
 * absolute lifetime.
 * @param deps - the application's dependencies
 * @param token - the cookie's token
 * @param requireSecondFactor - whether this deployment requires a second factor (outside demo mode)
 * @returns the session, or undefined when there is no live session
 */
export async function authenticateSession(
  deps: AppDependencies,
  token: string,
  requireSecondFactor: boolean,
): Promise<AuthenticatedSession | undefined> {
  const found = await findSessionByTokenHash(deps.db, hashToken(token))
  if (!found) {
    return undefined
  }
  const now = new Date(deps.clock.now())
  return deps.db.withAuthority({ authorityId: found.authorityId, userId: found.userId }, async tx => {
    const session = await loadSession(tx, found.sessionId)
    if (!session || session.revokedAt !== null) {
      return undefined
    }
    const isIdle = now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS
    const isExpired = now.getTime() > session.absoluteExpiresAt.getTime()
    if (isIdle || isExpired) {
      await revokeSession(tx, session.id, now)
      return undefined
    }
    const user = await loadUser(tx, session.userId)
    const actor = user ? actorFromUser(user) : undefined
    if (!user || !actor) {
      await revokeSession(tx, session.id, now)
      return undefined
    }
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await touchSession(tx, session.id, now)
    }
    return {
      actor,
      sessionId: session.id,
      csrfToken: session.csrfToken,
      isSecondFactorDone: session.isSecondFactorDone,
      needsSecondFactor: requireSecondFactor && !session.isSecondFactorDone,
      isTotpEnabled: user.isTotpEnabled,
    }
  })
}
