import { hash, verify } from '@node-rs/argon2'
import { countFailedSignIns, recordSignInAttempt } from '../../db/repositories/auth-repository.ts'
import { loadPasswordHash, revokeOtherSessions, setPasswordHash } from '../../db/repositories/security-repository.ts'
import type { PasswordProblem } from '../../domain/auth/password-policy.ts'
import type { AppDependencies } from '../shared/dependencies.ts'
import { authEvent, type AuthRequestContext } from './auth-event.ts'
import type { AuthenticatedSession } from './authenticate-session.ts'
import { passwordProblems } from './password-deny-list.ts'
import { FAILED_SIGN_IN_LIMIT, FAILED_SIGN_IN_WINDOW_MS } from './sign-in.ts'

export type ChangePasswordResult =
  | { readonly kind: 'changed'; readonly sessionsEnded: number }
  | { readonly kind: 'wrong-password' }
  | { readonly kind: 'locked' }
  | { readonly kind: 'refused'; readonly problems: readonly PasswordProblem[] }

/**
 * Changes the signed-in user's password: the current one must be right (wrong ones count towards the sign-in
 * lockout), the new one must meet the policy (security SEC-04), and every other session of the account ends
 * (security SEC-05). One audit event per attempt.
 * @param deps - the application's dependencies
 * @param session - the user's session
 * @param input - the current and new passwords
 * @param input.currentPassword - the password now
 * @param input.newPassword - the password wanted
 * @param context - the request
 * @returns the outcome
 */
export async function changePassword(
  deps: AppDependencies,
  session: AuthenticatedSession,
  input: { currentPassword: string; newPassword: string },
  context: AuthRequestContext,
): Promise<ChangePasswordResult> {
  const { actor } = session
  const now = new Date(deps.clock.now())
  const who = { authorityId: actor.authorityId, userId: actor.userId }
  const stored = await deps.db.withAuthority(who, async tx => ({
    hash: await loadPasswordHash(tx, actor.userId),
    failures: await countFailedSignIns(tx, actor.userId, new Date(now.getTime() - FAILED_SIGN_IN_WINDOW_MS)),
  }))
  const refuse = async (action: string, details: Record<string, unknown>, countsAsFailure: boolean) =>
    deps.db.withAuthority(who, async tx => {
      if (countsAsFailure) {
        await recordSignInAttempt(tx, {
          ...who,
          isSuccess: false,
          clientAddress: context.clientAddress ?? null,
          at: now,
        })
      }
      await deps.writeAuditEvent(tx, authEvent(actor, action, 'denied', context, details))
    })
  if (stored.failures >= FAILED_SIGN_IN_LIMIT) {
    await refuse('PASSWORD_CHANGE_LOCKED', {}, true)
    return { kind: 'locked' }
  }
  const isMatch = stored.hash !== null && (await verify(stored.hash, input.currentPassword).catch(() => false))
  if (!isMatch) {
    await refuse('PASSWORD_CHANGE_REFUSED', { reason: 'wrong-password' }, true)
    return { kind: 'wrong-password' }
  }
  const problems = passwordProblems(input.newPassword, { email: actor.email, displayName: actor.displayName })
  if (problems.length > 0) {
    await refuse('PASSWORD_CHANGE_REFUSED', { reason: 'policy', problems }, false)
    return { kind: 'refused', problems }
  }
  const newHash = await hash(input.newPassword)
  return deps.db.withAuthority(who, async tx => {
    await setPasswordHash(tx, actor.userId, newHash, now)
    const sessionsEnded = await revokeOtherSessions(tx, actor.userId, session.sessionId, now)
    await deps.writeAuditEvent(tx, authEvent(actor, 'PASSWORD_CHANGED', 'success', context, { sessionsEnded }))
    return { kind: 'changed', sessionsEnded }
  })
}
