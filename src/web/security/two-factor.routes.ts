/**
 * The second factor (security SEC-04): after a password or OpenID Connect sign-in that needs one, the session can
 * reach only this page (and sign-out) until a code from the user's authenticator app is accepted. An account without
 * one enrols here: the secret is shown once as text, as an otpauth:// link and as a QR code, and is never logged.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { prepareSecondFactor } from '../../app/auth/prepare-second-factor.ts'
import { verifySecondFactor } from '../../app/auth/verify-second-factor.ts'
import type { AppDependencies } from '../../app/shared/dependencies.ts'
import { paths } from '../paths.ts'
import { formField, hasValidCsrfToken, sendPage } from '../web-route.ts'

const TEMPLATE = 'security/two-factor.njk'

function contextOf(request: FastifyRequest) {
  return { requestId: request.id, clientAddress: request.ip, method: request.method, route: paths.twoFactor() }
}

async function render(
  deps: AppDependencies,
  request: FastifyRequest,
  reply: FastifyReply,
  error?: { text: string; status: number },
) {
  const session = request.session!
  const prompt = await prepareSecondFactor(deps, session, contextOf(request), error !== undefined)
  const errors = error ? [{ text: error.text, href: '#code' }] : []
  return sendPage(
    reply,
    request,
    TEMPLATE,
    {
      // The user is not signed in until the code is accepted: no navigation, no name in the header.
      user: null,
      navigation: [],
      enrol: prompt.kind === 'enrol',
      ...(prompt.kind === 'enrol'
        ? {
            secretGroups: prompt.secret.replace(/(.{4})/g, '$1 ').trim(),
            uri: prompt.uri,
            qrDataUri: `data:image/svg+xml;base64,${Buffer.from(prompt.qrSvg).toString('base64')}`,
          }
        : {}),
      errors,
      fieldErrors: error ? { code: { text: error.text } } : {},
    },
    error?.status ?? 200,
  )
}

/**
 * Registers the second-factor page.
 * @param app - the server
 * @param deps - the application's dependencies
 */
export function registerTwoFactorRoutes(app: FastifyInstance, deps: AppDependencies): void {
  const config = { security: { auth: 'session' as const, policy: 'self' as const, audit: 'SECOND_FACTOR_REQUESTED' } }
  app.get(paths.twoFactor(), { config, schema: { hide: true } }, async (request, reply) => {
    if (!request.session?.needsSecondFactor) {
      return reply.redirect(paths.home(), 303)
    }
    return render(deps, request, reply)
  })
  app.post(
    paths.twoFactor(),
    { config: { security: { ...config.security, audit: 'SECOND_FACTOR_VERIFIED' } }, schema: { hide: true } },
    async (request, reply) => {
      const session = request.session
      if (!hasValidCsrfToken(request)) {
        return sendPage(reply, request, 'errors/forbidden.njk', { reason: 'form-expired', user: null }, 403)
      }
      if (!session?.needsSecondFactor) {
        return reply.redirect(paths.home(), 303)
      }
      const code = formField(request, 'code').trim()
      if (!/^\d{6}$/.test(code.replace(/\s+/g, ''))) {
        const text = code === '' ? 'Enter the 6-digit code from your authenticator app' : 'Enter the code as 6 digits'
        return render(deps, request, reply, { text, status: 400 })
      }
      const result = await verifySecondFactor(deps, session, code, contextOf(request))
      if (result === 'verified') {
        return reply.redirect(paths.home(), 303)
      }
      return render(
        deps,
        request,
        reply,
        result === 'locked'
          ? { text: 'Too many wrong codes. Wait 5 minutes, then try again', status: 429 }
          : { text: 'The code is not right. Enter the code your app shows now', status: 401 },
      )
    },
  )
}
