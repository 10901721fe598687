import { randomUUID } from 'node:crypto'
import { verify } from '@node-rs/argon2'
import {
  countFailedSignIns,
  findSignInCandidate,
  insertSession,
  loadUser,
  recordSignInAttempt,
  touchUser,
} from '../../db/repositories/auth-repository.ts'
import type { AppDependencies } from '../shared/dependencies.ts'
import { SESSION_ABSOLUTE_MS } from './authenticate-session.ts'
import { hashToken, newSecretToken } from './tokens.ts'

/** The 11th failed sign-in for one account within 5 minutes is refused (security SEC-03). */
export const FAILED_SIGN_IN_LIMIT = 10
export const FAILED_SIGN_IN_WINDOW_MS = 5 * 60 * 1000

export type SignInResult =
  | { readonly kind: 'signed-in'; readonly token: string; readonly needsSecondFactor: boolean; readonly userId: string }
  | { readonly kind: 'refused' }
  | { readonly kind: 'locked' }

/** How this deployment signs people in. */
export interface SignInOptions {
  /** Whether the server runs in demo mode: demo accounts may sign in only then. */
  readonly isDemoMode: boolean
}

// A fixed argon2id hash to verify against when the account does not exist, so both paths take the same time.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0C7b2mOo5mlkTjvV5gVY0ZKXjLCMqIH1w5rP3sIs1pE'

/**
 * Checks an email and password and, if they match an active account that is not locked, starts a session. Every
 * attempt on a known account is recorded and audited (security AUD-03).
 * @param deps - the application's dependencies
 * @param input - what was typed, and where from
 * @param input.email - the email address
 * @param input.password - the password
 * @param input.clientAddress - the client's address
 * @param input.userAgent - the browser
 * @param input.requestId - the request, for the audit trail
 * @param requireSecondFactor - whether the session must pass a second factor before use
 * @param options - the deployment's settings
 * @returns the outcome; on success, the session token for the cookie
 */
export async function signIn(
  deps: AppDependencies,
  input: {
    email: string
    password: string
    clientAddress: string | null
    userAgent: string | null
    requestId?: string | null
  },
  requireSecondFactor: boolean,
  options: SignInOptions = { isDemoMode: false },
): Promise<SignInResult> {
  const candidate = await findSignInCandidate(deps.db, input.email.trim())
  if (!candidate || !candidate.passwordHash) {
    await verify(DUMMY_HASH, input.password).catch(() => false)
    return { kind: 'refused' }
  }
  const now = new Date(deps.clock.now())
  const context = { authorityId: candidate.authorityId, userId: candidate.userId }
  const failures = await deps.db.withAuthority(context, tx =>
    countFailedSignIns(tx, candidate.userId, new Date(now.getTime() - FAILED_SIGN_IN_WINDOW_MS)),
  )
  const audit = async (
    action: string,
    outcome: 'success' | 'denied',
    tx: Parameters<AppDependencies['writeAuditEvent']>[0],
  ) =>
    deps.writeAuditEvent(tx, {
      authorityId: candidate.authorityId,
      userId: candidate.userId,
      role: null,
      childId: null,
      action,
      purpose: null,
      outcome,
      clientAddress: input.clientAddress,
      requestId: input.requestId ?? null,
      method: 'POST',
      route: '/sign-in',
      breakGlassReason: null,
      details: {},
    })
  if (failures >= FAILED_SIGN_IN_LIMIT) {
    await deps.db.withAuthority(context, async tx => {
      await recordSignInAttempt(tx, { ...context, isSuccess: false, clientAddress: input.clientAddress, at: now })
      await audit('SIGN_IN_LOCKED', 'denied', tx)
    })
    return { kind: 'locked' }
  }
  const isMatch = await verify(candidate.passwordHash, input.password).catch(() => false)
  if (!isMatch || !candidate.isActive) {
    await deps.db.withAuthority(context, async tx => {
      await recordSignInAttempt(tx, { ...context, isSuccess: false, clientAddress: input.clientAddress, at: now })
      await audit('SIGN_IN_FAILED', 'denied', tx)
    })
    return { kind: 'refused' }
  }
  // Demo accounts have a published password: outside demo mode they cannot sign in at all (security SEC-04).
  const user = await deps.db.withAuthority(context, tx => loadUser(tx, candidate.userId))
  if (!user || (user.isDemo && !options.isDemoMode)) {
    await deps.db.withAuthority(context, async tx => {
      await recordSignInAttempt(tx, { ...context, isSuccess: false, clientAddress: input.clientAddress, at: now })
      await audit('SIGN_IN_REFUSED_DEMO_ACCOUNT', 'denied', tx)
    })
    return { kind: 'refused' }
  }
  const token = newSecretToken()
  const needsSecondFactor = requireSecondFactor || user.isTotpEnabled
  await deps.db.withAuthority(context, async tx => {
    await recordSignInAttempt(tx, { ...context, isSuccess: true, clientAddress: input.clientAddress, at: now })
    await insertSession(tx, {
      id: randomUUID(),
      authorityId: candidate.authorityId,
      userId: candidate.userId,
      tokenHash: hashToken(token),
      csrfToken: newSecretToken(),
      isSecondFactorDone: !needsSecondFactor,
      now,
      absoluteExpiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      clientAddress: input.clientAddress,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    })
    await touchUser(tx, candidate.userId, now)
    await audit('USER_SIGNED_IN', 'success', tx)
  })
  return { kind: 'signed-in', token, needsSecondFactor, userId: candidate.userId }
}
