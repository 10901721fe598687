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

/** The deployment's settings and the request, for the audit trail. */
export interface SessionCheckOptions {
  /** Whether the server runs in demo mode: sessions of demo accounts end outside it. */
  readonly isDemoMode?: boolean
  readonly requestId?: string | null
  readonly clientAddress?: string | null
}

/**
 * Resolves a session cookie to its user, ending the session (and auditing that) when it has been idle too long, is
 * past its absolute lifetime, or belongs to an account that may no longer sign in (security SEC-05, AUD-03).
 * @param deps - the application's dependencies
 * @param token - the cookie's token
 * @param requireSecondFactor - whether this deployment requires a second factor (outside demo mode); a session
 * needs one when sign-in said so, or when the account has one set up
 * @param options - the deployment's settings and the request
 * @returns the session, or undefined when there is no live session
 */
export async function authenticateSession(
  deps: AppDependencies,
  token: string,
  requireSecondFactor: boolean,
  options: SessionCheckOptions = {},
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
    const end = async (reason: string) => {
      await revokeSession(tx, session.id, now)
      await deps.writeAuditEvent(tx, {
        authorityId: found.authorityId,
        userId: found.userId,
        role: null,
        childId: null,
        action: 'SESSION_ENDED',
        purpose: null,
        outcome: 'denied',
        clientAddress: options.clientAddress ?? null,
        requestId: options.requestId ?? null,
        method: null,
        route: null,
        breakGlassReason: null,
        details: { reason },
      })
      return undefined
    }
    if (now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS) {
      return end('idle')
    }
    if (now.getTime() > session.absoluteExpiresAt.getTime()) {
      return end('absolute-lifetime')
    }
    const user = await loadUser(tx, session.userId)
    const actor = user ? actorFromUser(user) : undefined
    if (!user || !actor) {
      return end('account-disabled')
    }
    if (user.isDemo && options.isDemoMode !== true) {
      return end('demo-account-outside-demo-mode')
    }
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await touchSession(tx, session.id, now)
    }
    return {
      actor,
      sessionId: session.id,
      csrfToken: session.csrfToken,
      isSecondFactorDone: session.isSecondFactorDone,
      // Sign-in decided whether this session needs a second factor (required here, or set up by the user); a
      // session begun when none was required still needs one now if the account has none set up.
      needsSecondFactor: !session.isSecondFactorDone || (requireSecondFactor && !user.isTotpEnabled),
      isTotpEnabled: user.isTotpEnabled,
    }
  })
}
