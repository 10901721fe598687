import { loadSecondFactor, setPendingSecondFactor } from '../../db/repositories/security-repository.ts'
import type { AppDependencies } from '../shared/dependencies.ts'
import { authEvent, type AuthRequestContext } from './auth-event.ts'
import type { AuthenticatedSession } from './authenticate-session.ts'
import { newTotpSecret, qrCodeSvg, totpUri } from './totp.ts'

export type SecondFactorPrompt =
  | { readonly kind: 'code' }
  | { readonly kind: 'enrol'; readonly secret: string; readonly uri: string; readonly qrSvg: string }

/**
 * What the second-factor page asks for: a code from the user's authenticator app, or, for an account without one
 * yet, enrolment — a new secret shown once as text, otpauth:// URI and QR code (security SEC-04). A secret shown but
 * not yet confirmed is shown again rather than replaced, so reloading the page does not invalidate a scan.
 * @param deps - the application's dependencies
 * @param session - the signed-in session waiting for its second factor
 * @param context - the request
 * @param isShownAgain - the page is shown again after a wrong code, whose check was the request's audit event
 * @returns what to ask
 */
export async function prepareSecondFactor(
  deps: AppDependencies,
  session: AuthenticatedSession,
  context: AuthRequestContext,
  isShownAgain = false,
): Promise<SecondFactorPrompt> {
  const { actor } = session
  return deps.db.withAuthority({ authorityId: actor.authorityId, userId: actor.userId }, async tx => {
    const state = await loadSecondFactor(tx, actor.userId)
    if (state?.isEnabled) {
      if (isShownAgain) {
        return { kind: 'code' }
      }
      await deps.writeAuditEvent(
        tx,
        authEvent(actor, 'SECOND_FACTOR_REQUESTED', 'success', context, { sessionId: session.sessionId }),
      )
      return { kind: 'code' }
    }
    const secret = state?.secret ?? newTotpSecret()
    if (state?.secret === null || state?.secret === undefined) {
      await setPendingSecondFactor(tx, actor.userId, secret)
    }
    if (!isShownAgain) {
      await deps.writeAuditEvent(
        tx,
        authEvent(actor, 'SECOND_FACTOR_ENROLMENT_STARTED', 'success', context, { sessionId: session.sessionId }),
      )
    }
    const uri = totpUri(secret, actor.email)
    return { kind: 'enrol', secret, uri, qrSvg: qrCodeSvg(uri) }
  })
}
