/**
 * Who is calling. Routes declare `auth: 'token'` (JSON API: `Authorization: Bearer …`), `'session'` (web: the
 * session cookie) or `'none'`. Unauthenticated API calls get 401; unauthenticated page requests go to sign-in.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { authenticateApiToken } from '../../app/auth/authenticate-api-token.ts'
import { authenticateSession, type AuthenticatedSession } from '../../app/auth/authenticate-session.ts'
import type { Actor } from '../../app/shared/actor.ts'
import type { AppDependencies } from '../../app/shared/dependencies.ts'

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null
    session: AuthenticatedSession | null
  }
}

export interface CookieSettings {
  readonly name: string
  readonly isSecure: boolean
}

/**
 * The session cookie's name and flags. With Secure on, the `__Host-` prefix pins it to this host and path.
 * @param isSecure - whether the Secure flag is set
 * @returns the settings
 */
export function sessionCookie(isSecure: boolean): CookieSettings {
  return { name: isSecure ? '__Host-permanence-session' : 'permanence-session', isSecure }
}

/**
 * Registers the authentication step.
 * @param app - the server
 * @param deps - the application's dependencies
 * @param options - settings
 * @param options.cookie - the session cookie
 * @param options.requireSecondFactor - whether sessions need a second factor
 * @param options.isDemo - whether the server runs in demo mode (demo accounts work only then)
 */
export function registerAuthentication(
  app: FastifyInstance,
  deps: AppDependencies,
  options: { cookie: CookieSettings; requireSecondFactor: boolean; isDemo?: boolean },
): void {
  const isDemoMode = options.isDemo === true
  app.decorateRequest('actor', null)
  app.decorateRequest('session', null)
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const security = request.routeOptions.config.security
    if (!security) {
      return
    }
    // Pages that work with or without a session (the sign-in page) still learn who is signed in.
    const cookieToken = request.cookies[options.cookie.name]
    if (security.auth === 'token') {
      const header = request.headers.authorization ?? ''
      const match = /^Bearer ([A-Za-z0-9_\-.~+/]+=*)$/.exec(header)
      request.actor = match
        ? ((await authenticateApiToken(deps, match[1]!, {
            isDemoMode,
            requestId: request.id,
            clientAddress: request.ip,
          })) ?? null)
        : null
      if (!request.actor) {
        return reply
          .code(401)
          .header('WWW-Authenticate', 'Bearer')
          .send({
            errors: [{ path: '', code: 'unauthenticated', message: 'Send a valid API token as a Bearer token' }],
          })
      }
      return
    }
    if (cookieToken) {
      request.session =
        (await authenticateSession(deps, cookieToken, options.requireSecondFactor, {
          isDemoMode,
          requestId: request.id,
          clientAddress: request.ip,
        })) ?? null
      request.actor = request.session?.actor ?? null
    }
    if (security.auth === 'session') {
      if (!request.session) {
        return reply.redirect('/sign-in', 303)
      }
      // Until the second factor is done, the session reaches only the second-factor page and sign-out (SEC-04).
      if (
        request.session.needsSecondFactor &&
        !request.url.startsWith('/sign-in/two-factor') &&
        request.url !== '/sign-out'
      ) {
        return reply.redirect('/sign-in/two-factor', 303)
      }
    }
  })
}
