/**
 * Signing in and out. The sign-in form has no session yet, so it is protected against cross-site forgery by a
 * random token in a strict same-site cookie that the form must echo (double submit). Messages do not say whether
 * the email exists.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { signIn } from '../../app/auth/sign-in.ts'
import { signOut } from '../../app/auth/sign-out.ts'
import { demoAccounts } from '../../app/demo/seed-demo.ts'
import type { AppDependencies } from '../../app/shared/dependencies.ts'
import { runOperation } from '../../app/shared/run-operation.ts'
import { ROLE_LABELS } from '../../domain/access/policies.ts'
import type { CookieSettings } from '../../http/middleware/authentication.ts'
import { SESSION_ABSOLUTE_MS } from '../../app/auth/authenticate-session.ts'
import { paths } from '../paths.ts'
import { formField, hasValidCsrfToken, sendPage } from '../web-route.ts'

const FORM_COOKIE = 'permanence-form'

interface SignInOptions {
  readonly isDemo: boolean
  readonly cookie: CookieSettings
  readonly requireSecondFactor: boolean
  readonly oidcEnabled: boolean
}

function formToken(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const existing = request.cookies[FORM_COOKIE]
  if (existing && /^[A-Za-z0-9_-]{20,}$/.test(existing)) {
    return existing
  }
  const token = randomBytes(24).toString('base64url')
  void reply.setCookie(FORM_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/' })
  return token
}

function renderSignIn(
  request: FastifyRequest,
  reply: FastifyReply,
  options: SignInOptions,
  state: { values?: Record<string, string>; errors?: { text: string; href: string }[]; status?: number } = {},
) {
  const fieldErrors: Record<string, { text: string }> = {}
  for (const error of state.errors ?? []) {
    fieldErrors[error.href.slice(1)] = { text: error.text }
  }
  return sendPage(
    reply,
    request,
    'sign-in/sign-in.njk',
    {
      formToken: formToken(request, reply, options.cookie.isSecure),
      values: state.values ?? {},
      errors: state.errors ?? [],
      fieldErrors,
      isDemo: options.isDemo,
      oidcEnabled: options.oidcEnabled,
      demoAccounts: options.isDemo
        ? demoAccounts()
            .filter(a => a.authority === 'Northshire')
            .map(a => ({ role: ROLE_LABELS[a.role], email: a.email }))
        : [],
    },
    state.status ?? 200,
  )
}

/**
 * Whether a form posted before sign-in (the sign-in form, the OpenID Connect button) carries the token from its
 * strict same-site cookie (double submit).
 * @param request - the request
 * @returns true when it does
 */
export function hasValidFormToken(request: FastifyRequest): boolean {
  const cookieToken = request.cookies[FORM_COOKIE] ?? ''
  const formValue = formField(request, '_form')
  return (
    cookieToken !== '' &&
    cookieToken.length === formValue.length &&
    timingSafeEqual(Buffer.from(cookieToken), Buffer.from(formValue))
  )
}

/**
 * Registers the sign-in and sign-out pages.
 * @param app - the server
 * @param deps - the application's dependencies
 * @param options - settings
 */
export function registerSignInRoutes(app: FastifyInstance, deps: AppDependencies, options: SignInOptions): void {
  const publicRoute = { security: { auth: 'none' as const, policy: 'public' as const, audit: null } }
  app.get(paths.signIn(), { config: publicRoute, schema: { hide: true } }, async (request, reply) => {
    if (request.session && !request.session.needsSecondFactor) {
      return reply.redirect(paths.home(), 303)
    }
    return renderSignIn(request, reply, options)
  })
  app.post(paths.signIn(), { config: publicRoute, schema: { hide: true } }, async (request, reply) => {
    if (!hasValidFormToken(request)) {
      return sendPage(reply, request, 'errors/forbidden.njk', { reason: 'form-expired' }, 403)
    }
    const email = formField(request, 'email').trim()
    const password = formField(request, 'password')
    const errors: { text: string; href: string }[] = []
    if (email === '') {
      errors.push({ text: 'Enter your email address', href: '#email' })
    }
    if (password === '') {
      errors.push({ text: 'Enter your password', href: '#password' })
    }
    if (errors.length > 0) {
      return renderSignIn(request, reply, options, { values: { email }, errors, status: 400 })
    }
    const result = await signIn(
      deps,
      {
        email,
        password,
        clientAddress: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
      },
      options.requireSecondFactor,
      { isDemoMode: options.isDemo },
    )
    if (result.kind === 'locked') {
      return renderSignIn(request, reply, options, {
        values: { email },
        errors: [{ text: 'Too many failed attempts. Wait 5 minutes, then try again', href: '#email' }],
        status: 429,
      })
    }
    if (result.kind === 'refused') {
      return renderSignIn(request, reply, options, {
        values: { email },
        errors: [{ text: 'Enter a correct email address and password', href: '#email' }],
        status: 401,
      })
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
  app.post(
    paths.signOut(),
    { config: { security: { auth: 'session', policy: 'self', audit: 'USER_SIGNED_OUT' } }, schema: { hide: true } },
    async (request, reply) => {
      const session = request.session
      if (session && hasValidCsrfToken(request)) {
        await runOperation(
          deps,
          {
            actor: session.actor,
            policy: 'self',
            auditAction: 'USER_SIGNED_OUT',
            clientAddress: request.ip,
            requestId: request.id,
            method: 'POST',
            route: paths.signOut(),
          },
          op => signOut(op, session.sessionId),
        )
      }
      void reply.clearCookie(options.cookie.name, { path: '/' })
      return reply.redirect(paths.signIn(), 303)
    },
  )
}
