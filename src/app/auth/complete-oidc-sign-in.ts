import { randomUUID } from 'node:crypto'
import { authorizationCodeGrant, fetchUserInfo } from 'openid-client'
import type { OidcSettings } from '../../config.ts'
import { findAuthorityByCode } from '../../db/repositories/admin-repository.ts'
import { insertSession, loadUser, touchUser } from '../../db/repositories/auth-repository.ts'
import { findOidcCandidates, linkOidcSubject, takeOidcRequest } from '../../db/repositories/security-repository.ts'
import type { AppDependencies } from '../shared/dependencies.ts'
import { actorFromUser } from './actor-from-user.ts'
import { authEvent, type AuthRequestContext } from './auth-event.ts'
import { SESSION_ABSOLUTE_MS } from './authenticate-session.ts'
import { oidcConfiguration } from './oidc-client.ts'
import type { SignInOptions, SignInResult } from './sign-in.ts'
import { hashToken, newSecretToken } from './tokens.ts'

/** A sign-in started more than this long ago is refused. */
export const OIDC_REQUEST_LIFETIME_MS = 10 * 60 * 1000

/**
 * Finishes a sign-in through the authority's OpenID Connect provider: checks that the callback belongs to a sign-in
 * this browser started (state, from the cookie and from the stored hash, used once), exchanges the code with the
 * PKCE verifier, checks the ID token (issuer, audience, nonce, expiry), and finds the account within the configured
 * authority by its subject or, for an account not yet linked, by a verified email address (then links it). The
 * session needs a second factor as after a password sign-in. Every outcome is audited (security AUD-03).
 * @param deps - the application's dependencies
 * @param settings - the provider and its authority
 * @param input - the callback URL as received and the state from the browser's cookie
 * @param input.callbackUrl - the full callback URL, with the provider's parameters
 * @param input.cookieState - the state the browser kept when the sign-in started
 * @param input.userAgent - the browser
 * @param requireSecondFactor - whether sessions need a second factor here
 * @param options - the deployment's settings
 * @param context - the request
 * @returns the outcome; on success, the session token for the cookie
 */
export async function completeOidcSignIn(
  deps: AppDependencies,
  settings: OidcSettings,
  input: { callbackUrl: URL; cookieState: string | null; userAgent: string | null },
  requireSecondFactor: boolean,
  options: SignInOptions,
  context: AuthRequestContext,
): Promise<SignInResult> {
  const authority = await findAuthorityByCode(deps.db, settings.authorityCode)
  if (!authority) {
    return { kind: 'refused' }
  }
  const now = new Date(deps.clock.now())
  const refuse = async (reason: string, userId: string | null = null): Promise<SignInResult> => {
    await deps.db.withAuthority({ authorityId: authority.authorityId }, tx =>
      deps.writeAuditEvent(
        tx,
        authEvent({ authorityId: authority.authorityId, userId }, 'OIDC_SIGN_IN_REFUSED', 'denied', context, {
          reason,
        }),
      ),
    )
    return { kind: 'refused' }
  }
  const state = input.callbackUrl.searchParams.get('state') ?? ''
  if (state === '' || input.cookieState !== state) {
    return refuse('state-mismatch')
  }
  const request = await deps.db.withAuthority({ authorityId: authority.authorityId }, tx =>
    takeOidcRequest(tx, hashToken(state), new Date(now.getTime() - OIDC_REQUEST_LIFETIME_MS), now),
  )
  if (!request) {
    return refuse('unknown-or-used-state')
  }
  let claims: { sub: string; email?: unknown; email_verified?: unknown }
  try {
    const configuration = await oidcConfiguration(settings)
    const tokens = await authorizationCodeGrant(configuration, input.callbackUrl, {
      pkceCodeVerifier: request.codeVerifier,
      expectedState: state,
      expectedNonce: request.nonce,
      idTokenExpected: true,
    })
    const idToken = tokens.claims()
    if (!idToken) {
      return refuse('no-id-token')
    }
    claims = idToken
    // Providers that follow the specification strictly put scope-based claims (email) only in the UserInfo response.
    if (claims.email === undefined && tokens.access_token) {
      const userInfo = await fetchUserInfo(configuration, tokens.access_token, idToken.sub)
      claims = { ...claims, email: userInfo.email, email_verified: userInfo.email_verified }
    }
  } catch (error) {
    return refuse(`provider-error: ${error instanceof Error ? error.name : 'unknown'}`)
  }
  const verifiedEmail =
    claims.email_verified === true && typeof claims.email === 'string' ? claims.email.toLowerCase() : null
  const context2 = { authorityId: authority.authorityId }
  const candidates = await deps.db.withAuthority(context2, tx => findOidcCandidates(tx, claims.sub, verifiedEmail))
  const bySubject = candidates.find(c => c.oidcSubject === claims.sub)
  const byEmail = candidates.find(c => c.oidcSubject === null && c.email === verifiedEmail)
  const match = bySubject ?? byEmail
  if (!match) {
    return refuse(candidates.length > 0 ? 'email-linked-to-another-identity' : 'no-matching-account')
  }
  const who = { authorityId: authority.authorityId, userId: match.id }
  const user = await deps.db.withAuthority(who, tx => loadUser(tx, match.id))
  if (!user || !actorFromUser(user)) {
    return refuse('account-inactive', match.id)
  }
  if (user.isDemo && !options.isDemoMode) {
    return refuse('demo-account-outside-demo-mode', match.id)
  }
  const token = newSecretToken()
  const needsSecondFactor = requireSecondFactor || user.isTotpEnabled
  await deps.db.withAuthority(who, async tx => {
    if (!bySubject) {
      await linkOidcSubject(tx, match.id, claims.sub)
    }
    await insertSession(tx, {
      id: randomUUID(),
      authorityId: authority.authorityId,
      userId: match.id,
      tokenHash: hashToken(token),
      csrfToken: newSecretToken(),
      isSecondFactorDone: !needsSecondFactor,
      now,
      absoluteExpiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      clientAddress: context.clientAddress ?? null,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    })
    await touchUser(tx, match.id, now)
    await deps.writeAuditEvent(
      tx,
      authEvent({ ...who, role: user.role }, 'OIDC_SIGNED_IN', 'success', context, {
        linked: !bySubject,
        issuer: settings.issuer,
      }),
    )
  })
  return { kind: 'signed-in', token, needsSecondFactor, userId: match.id }
}
