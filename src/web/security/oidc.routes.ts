/**
 * Sign-in through the authority's OpenID Connect provider (authorisation code flow with PKCE). Starting is a form
 * post from the sign-in page (no state-changing GET; protected like the sign-in form); the provider's callback is a
 * GET by the protocol's design, accepted only with the state this browser was given in a short-lived cookie.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { completeOidcSignIn } from '../../app/auth/complete-oidc-sign-in.ts'
import { SESSION_ABSOLUTE_MS } from '../../app/auth/authenticate-session.ts'
import { startOidcSignIn } from '../../app/auth/start-oidc-sign-in.ts'
import type { AppDependencies } from '../../app/shared/dependencies.ts'
import type { OidcSettings } from '../../config.ts'
import type { CookieSettings } from '../../http/middleware/authentication.ts'
import { paths } from '../paths.ts'
import { sendPage } from '../web-route.ts'
import { hasValidFormToken } from '../sign-in/sign-in.routes.ts'

const STATE_COOKIE = 'permanence-oidc'

interface OidcRouteOptions {
  readonly isDemo: boolean
  readonly cookie: CookieSettings
  readonly requireSecondFactor: boolean
  readonly oidc: () => OidcSettings | undefined
}

function contextOf(request: FastifyRequest, route: string) {
  return { requestId: request.id, clientAddress: request.ip, method: request.method, route }
}

/**
 * Registers the OpenID Connect sign-in routes.
 * @param app - the server
 * @param deps - the application's dependencies
 * @param options - settings
 */
export function registerOidcRoutes(app: FastifyInstance, deps: AppDependencies, options: OidcRouteOptions): void {
  const config = { security: { auth: 'none' as const, policy: 'public' as const, audit: null } }
  app.post(paths.oidcStart(), { config, schema: { hide: true } }, async (request, reply) => {
    const settings = options.oidc()
    if (!settings) {
      return app.renderWebNotFound!(request, reply)
    }
    if (!hasValidFormToken(request)) {
      return sendPage(reply, request, 'errors/forbidden.njk', { reason: 'form-expired' }, 403)
    }
    const { authorizationUrl, state } = await startOidcSignIn(deps, settings, contextOf(request, paths.oidcStart()))
    // Lax, not Strict: the provider sends the browser back with a top-level GET from its own site.
    void reply.setCookie(STATE_COOKIE, state, {
      httpOnly: true,
      secure: options.cookie.isSecure,
      sameSite: 'lax',
      path: paths.oidcCallback(),
      maxAge: 600,
    })
    return reply.redirect(authorizationUrl, 303)
  })
  app.get(paths.oidcCallback(), { config, schema: { hide: true } }, async (request, reply) => {
    const settings = options.oidc()
    if (!settings) {
      return app.renderWebNotFound!(request, reply)
    }
    const callbackUrl = new URL(request.url, settings.redirectUri)
    const result = await completeOidcSignIn(
      deps,
      settings,
      {
        callbackUrl,
        cookieState: request.cookies[STATE_COOKIE] ?? null,
        userAgent: request.headers['user-agent'] ?? null,
      },
      options.requireSecondFactor,
      { isDemoMode: options.isDemo },
      contextOf(request, paths.oidcCallback()),
    )
    void reply.clearCookie(STATE_COOKIE, { path: paths.oidcCallback() })
    if (result.kind !== 'signed-in') {
      return sendPage(reply, request, 'security/oidc-refused.njk', {}, 401)
    }
    void reply.setCookie(options.cookie.name, result.token, {
      httpOnly: true,
      secure: options.cookie.isSecure,
      sameSite: 'lax',
      path: '/',
      maxAge: SESSION_ABSOLUTE_MS / 1000,
    })
    return reply.redirect(result.needsSecondFactor ? paths.twoFactor() : paths.home(), 303)
  })
}
