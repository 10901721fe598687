/**
 * Changing one's own password (security SEC-04, SEC-05): the current password, a new one that meets the policy,
 * and every other session of the account ends.
 */
import type { FastifyInstance } from 'fastify'
import { changePassword } from '../../app/auth/change-password.ts'
import { authoriseSelf } from '../../app/shared/run-operation.ts'
import type { AppDependencies } from '../../app/shared/dependencies.ts'
import { PASSWORD_MESSAGES } from '../../domain/auth/password-policy.ts'
import { paths } from '../paths.ts'
import { formField, hasValidCsrfToken, sendPage, type WebPage } from '../web-route.ts'

const TEMPLATE = 'security/account-password.njk'

export const accountPages: readonly WebPage[] = [
  {
    method: 'GET',
    url: paths.accountPassword(),
    policy: 'self',
    audit: 'PASSWORD_PAGE_VIEWED',
    handle: (op, request) => {
      authoriseSelf(op)
      return Promise.resolve({
        template: TEMPLATE,
        context: { changed: (request.query as Record<string, unknown>).changed === '1' },
      })
    },
  },
]

/**
 * Registers the password form's handler (it runs its own audited steps, like sign-in).
 * @param app - the server
 * @param deps - the application's dependencies
 */
export function registerAccountRoutes(app: FastifyInstance, deps: AppDependencies): void {
  app.post(
    paths.accountPassword(),
    { config: { security: { auth: 'session', policy: 'self', audit: 'PASSWORD_CHANGED' } }, schema: { hide: true } },
    async (request, reply) => {
      const session = request.session!
      if (!hasValidCsrfToken(request)) {
        return sendPage(reply, request, 'errors/forbidden.njk', { reason: 'form-expired' }, 403)
      }
      const currentPassword = formField(request, 'currentPassword')
      const newPassword = formField(request, 'newPassword')
      const confirmPassword = formField(request, 'confirmPassword')
      const errors: { text: string; href: string }[] = []
      if (currentPassword === '') {
        errors.push({ text: 'Enter your current password', href: '#currentPassword' })
      }
      if (newPassword === '') {
        errors.push({ text: 'Enter a new password', href: '#newPassword' })
      } else if (confirmPassword !== newPassword) {
        errors.push({ text: 'Enter the same new password twice', href: '#confirmPassword' })
      }
      let status = 400
      if (errors.length === 0) {
        const result = await changePassword(
          deps,
          session,
          { currentPassword, newPassword },
          {
            requestId: request.id,
            clientAddress: request.ip,
            method: 'POST',
            route: paths.accountPassword(),
          },
        )
        if (result.kind === 'changed') {
          return reply.redirect(`${paths.accountPassword()}?changed=1`, 303)
        }
        if (result.kind === 'refused') {
          errors.push(...result.problems.map(code => ({ text: PASSWORD_MESSAGES[code], href: '#newPassword' })))
        } else {
          status = result.kind === 'locked' ? 429 : 401
          errors.push({
            text:
              result.kind === 'locked'
                ? 'Too many failed attempts. Wait 5 minutes, then try again'
                : 'Enter your current password correctly',
            href: '#currentPassword',
          })
        }
      }
      const fieldErrors: Record<string, { text: string }> = {}
      for (const error of errors) {
        fieldErrors[error.href.slice(1)] ??= { text: error.text }
      }
      return sendPage(reply, request, TEMPLATE, { errors, fieldErrors }, status)
    },
  )
}
