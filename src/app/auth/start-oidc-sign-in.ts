import { randomUUID } from 'node:crypto'
import {
  buildAuthorizationUrl,
  calculatePKCECodeChallenge,
  randomNonce,
  randomPKCECodeVerifier,
  randomState,
} from 'openid-client'
import { findAuthorityByCode } from '../../db/repositories/admin-repository.ts'
import { insertOidcRequest } from '../../db/repositories/security-repository.ts'
import type { OidcSettings } from '../../config.ts'
import type { AppDependencies } from '../shared/dependencies.ts'
import { authEvent, type AuthRequestContext } from './auth-event.ts'
import { oidcConfiguration } from './oidc-client.ts'
import { hashToken } from './tokens.ts'

/**
 * Starts a sign-in through the authority's OpenID Connect provider: a fresh state, nonce and PKCE verifier, kept
 * (the state only as a hash) for ten minutes and one use; the state also goes to the browser in a cookie, so a
 * callback is accepted only in the browser that started it (login CSRF).
 * @param deps - the application's dependencies
 * @param settings - the provider and the authority it signs people in to
 * @param context - the request
 * @returns where to send the browser, and the state for the cookie
 */
export async function startOidcSignIn(
  deps: AppDependencies,
  settings: OidcSettings,
  context: AuthRequestContext,
): Promise<{ authorizationUrl: string; state: string }> {
  const authority = await findAuthorityByCode(deps.db, settings.authorityCode)
  if (!authority) {
    throw new Error(`OIDC_AUTHORITY names no authority: ${settings.authorityCode}`)
  }
  const configuration = await oidcConfiguration(settings)
  const state = randomState()
  const nonce = randomNonce()
  const codeVerifier = randomPKCECodeVerifier()
  const url = buildAuthorizationUrl(configuration, {
    redirect_uri: settings.redirectUri,
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  })
  await deps.db.withAuthority({ authorityId: authority.authorityId }, async tx => {
    await insertOidcRequest(tx, {
      id: randomUUID(),
      authorityId: authority.authorityId,
      stateHash: hashToken(state),
      nonce,
      codeVerifier,
      at: new Date(deps.clock.now()),
    })
    await deps.writeAuditEvent(
      tx,
      authEvent({ authorityId: authority.authorityId, userId: null }, 'OIDC_SIGN_IN_STARTED', 'success', context, {
        issuer: settings.issuer,
      }),
    )
  })
  return { authorizationUrl: url.href, state }
}
