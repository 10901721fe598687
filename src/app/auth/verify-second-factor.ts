import { countFailedSignIns, markSecondFactorDone, recordSignInAttempt } from '../../db/repositories/auth-repository.ts'
import { acceptSecondFactorStep, loadSecondFactor } from '../../db/repositories/security-repository.ts'
import type { AppDependencies } from '../shared/dependencies.ts'
import { authEvent, type AuthRequestContext } from './auth-event.ts'
import type { AuthenticatedSession } from './authenticate-session.ts'
import { FAILED_SIGN_IN_LIMIT, FAILED_SIGN_IN_WINDOW_MS } from './sign-in.ts'
import { checkTotpCode } from './totp.ts'

export type SecondFactorResult = 'verified' | 'incorrect' | 'locked'

/**
 * Checks the code from the user's authenticator app and, if it is right, completes the session's sign-in (and, at
 * enrolment, turns the factor on). Wrong codes count towards the same lockout as wrong passwords: the 11th failure
 * within 5 minutes is refused whatever the code (security SEC-03, SEC-04). Each attempt writes one audit event.
 * @param deps - the application's dependencies
 * @param session - the session waiting for its second factor
 * @param code - the six digits typed
 * @param context - the request
 * @returns the outcome
 */
export async function verifySecondFactor(
  deps: AppDependencies,
  session: AuthenticatedSession,
  code: string,
  context: AuthRequestContext,
): Promise<SecondFactorResult> {
  const { actor } = session
  const now = new Date(deps.clock.now())
  const who = { authorityId: actor.authorityId, userId: actor.userId }
  return deps.db.withAuthority(who, async tx => {
    const failures = await countFailedSignIns(tx, actor.userId, new Date(now.getTime() - FAILED_SIGN_IN_WINDOW_MS))
    const attempt = { ...who, clientAddress: context.clientAddress ?? null, at: now }
    if (failures >= FAILED_SIGN_IN_LIMIT) {
      await recordSignInAttempt(tx, { ...attempt, isSuccess: false })
      await deps.writeAuditEvent(tx, authEvent(actor, 'SECOND_FACTOR_LOCKED', 'denied', context))
      return 'locked'
    }
    const state = await loadSecondFactor(tx, actor.userId)
    const step = state?.secret ? await checkTotpCode(state.secret, code, now.getTime(), state.lastUsedStep) : undefined
    if (step === undefined || !state) {
      await recordSignInAttempt(tx, { ...attempt, isSuccess: false })
      await deps.writeAuditEvent(tx, authEvent(actor, 'SECOND_FACTOR_FAILED', 'denied', context))
      return 'incorrect'
    }
    await acceptSecondFactorStep(tx, actor.userId, step)
    await markSecondFactorDone(tx, session.sessionId)
    await recordSignInAttempt(tx, { ...attempt, isSuccess: true })
    await deps.writeAuditEvent(
      tx,
      authEvent(actor, state.isEnabled ? 'SECOND_FACTOR_VERIFIED' : 'SECOND_FACTOR_ENROLLED', 'success', context),
    )
    return 'verified'
  })
}
