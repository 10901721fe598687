/**
 * How a web page is declared and run. Like the API, each page names its policy and audit event, and every request
 * to it runs through one audited operation. Forms are protected against cross-site request forgery by the session's
 * token in a hidden field; failures become GOV.UK-style pages (not found, access denied, the restricted-record
 * reason page, "try again later").
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { timingSafeEqual } from 'node:crypto'
import type { AppDependencies } from '../app/shared/dependencies.ts'
import { AppError, AuditUnavailableError, BreakGlassRequiredError, type AuditOutcome } from '../app/shared/errors.ts'
import { runOperation, type Operation, type PolicyKey } from '../app/shared/run-operation.ts'
import { decideAuthorityAccess, ROLE_LABELS, type Role } from '../domain/access/policies.ts'
import { renderTemplate } from './nunjucks.ts'
import { paths } from './paths.ts'

export interface PageResult {
  /** A template under src/web and what it prints. */
  readonly template?: string
  readonly context?: Record<string, unknown>
  readonly status?: number
  /** Post/redirect/get: where to go after a successful form. */
  readonly redirect?: string
  /** A download rather than a page (an export): its media type, the name to save it under, and its content. */
  readonly file?: { readonly contentType: string; readonly name: string; readonly body: string | Uint8Array }
}

/**
 * A form that comes back with errors (ADR 0040): thrown from a page's handler so that the request's transaction is
 * rolled back (nothing half-written) and audited with the refusal's outcome, then the page is shown with the error
 * summary and every answer kept.
 */
export class PageWithErrors extends AppError {
  readonly status: number
  override readonly name = 'PageWithErrors'
  constructor(
    readonly page: PageResult,
    readonly outcome: AuditOutcome = 'invalid',
  ) {
    super('The form has errors')
    this.status = outcome === 'conflict' ? 409 : (page.status ?? 400)
  }
}

export interface WebPage {
  readonly method: 'GET' | 'POST'
  readonly url: string
  readonly policy: PolicyKey
  readonly audit: string
  readonly handle: (op: Operation, request: FastifyRequest) => Promise<PageResult>
}

/** Navigation shown in the header, by role. */
/**
 * Where a role without a caseload starts: the authority dashboard, else the authority's settings, else search.
 * @param role - the user's role
 * @returns the path
 */
export function homeFor(role: Role): string {
  if (decideAuthorityAccess(role, 'dashboard:authority') === 'allow') {
    return '/dashboards/authority'
  }
  return decideAuthorityAccess(role, 'policy:manage') === 'allow' ? '/settings/planning' : paths.search()
}

function navigationFor(request: FastifyRequest) {
  const actor = request.actor
  if (!actor) {
    return []
  }
  const items: { href: string; text: string }[] = []
  if (decideAuthorityAccess(actor.role, 'caseload:view') === 'allow') {
    items.push({ href: paths.home(), text: 'My caseload' })
  }
  if (decideAuthorityAccess(actor.role, 'dashboard:team') === 'allow') {
    items.push({ href: '/dashboards/team', text: 'Team dashboard' })
  }
  items.push({ href: paths.search(), text: 'Search' })
  // Restriction owners and information governance see break-glass openings and overdue reviews (AUD-06).
  if (actor.role === 'team-manager' || actor.role === 'administrator') {
    items.push({ href: '/restrictions', text: 'Restricted records' })
  }
  // National returns and the authority dashboard (issue 8), for those whose role may see them.
  if (decideAuthorityAccess(actor.role, 'dashboard:authority') === 'allow') {
    items.push({ href: '/dashboards/authority', text: 'Authority dashboard' })
  }
  if (decideAuthorityAccess(actor.role, 'returns:export') === 'allow') {
    items.push({ href: '/returns', text: 'Returns' })
  }
  if (actor.role === 'team-manager') {
    items.push({ href: paths.splitSiblings(), text: 'Siblings apart' })
  }
  if (decideAuthorityAccess(actor.role, 'policy:manage') === 'allow') {
    items.push({ href: '/settings/planning', text: 'Settings' })
  }
  // Case-file audits (issue 9): auditors see their rounds; managers and analysts the final learning briefs.
  if (decideAuthorityAccess(actor.role, 'qa:audit') === 'allow') {
    items.push({ href: '/audits', text: 'Case-file audits' })
  } else if (decideAuthorityAccess(actor.role, 'qa:view-briefs') === 'allow') {
    items.push({ href: '/learning-briefs', text: 'Learning briefs' })
  }
  const path = request.url.split('?')[0]
  return items.map(item => ({ ...item, active: path === item.href }))
}

/**
 * What every page template can print: the user, the authority, the CSRF token, the CSP nonce and the navigation.
 * @param request - the request
 * @param extra - the page's own values
 * @returns the context
 */
export function pageContext(request: FastifyRequest, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const actor = request.actor
  return {
    cspNonce: request.cspNonce,
    csrfToken: request.session?.csrfToken ?? '',
    user: actor ? { name: actor.displayName, role: ROLE_LABELS[actor.role] } : null,
    authorityName: actor?.authorityName ?? null,
    navigation: navigationFor(request),
    currentUrl: request.url,
    ...extra,
  }
}

/**
 * Sends a rendered page.
 * @param reply - the reply
 * @param request - the request
 * @param template - the template
 * @param context - its values
 * @param status - the HTTP status
 * @returns the reply
 */
export function sendPage(
  reply: FastifyReply,
  request: FastifyRequest,
  template: string,
  context: Record<string, unknown>,
  status = 200,
): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(renderTemplate(template, pageContext(request, context)))
}

function tokensMatch(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || given.length !== expected.length || expected.length === 0) {
    return false
  }
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given))
}

/**
 * Whether a form post carries the session's CSRF token.
 * @param request - the request
 * @returns true when it does
 */
export function hasValidCsrfToken(request: FastifyRequest): boolean {
  const body = request.body as Record<string, unknown> | undefined
  return request.session !== null && tokensMatch(request.session.csrfToken, body?._csrf)
}

/**
 * The value of a form field as a string (forms send strings; missing fields are empty).
 * @param request - the request
 * @param name - the field
 * @returns the value
 */
export function formField(request: FastifyRequest, name: string): string {
  const value = (request.body as Record<string, unknown> | undefined)?.[name]
  return typeof value === 'string' ? value : ''
}

/**
 * Registers web pages.
 * @param app - the server
 * @param deps - the application's dependencies
 * @param pages - the pages
 */
export function registerWebPages(app: FastifyInstance, deps: AppDependencies, pages: readonly WebPage[]): void {
  for (const page of pages) {
    app.route({
      method: page.method,
      url: page.url,
      config: { security: { auth: 'session', policy: page.policy, audit: page.audit } },
      schema: { hide: true },
      handler: async (request, reply) => {
        const actor = request.actor
        if (!actor) {
          return reply.redirect(paths.signIn(), 303)
        }
        if (page.method === 'POST' && !hasValidCsrfToken(request)) {
          return sendPage(reply, request, 'errors/forbidden.njk', { reason: 'form-expired' }, 403)
        }
        // Roles without a caseload (performance analysts, administrators) start where their work is.
        if (page.url === paths.home() && decideAuthorityAccess(actor.role, 'caseload:view') !== 'allow') {
          return reply.redirect(homeFor(actor.role), 303)
        }
        try {
          const result = await runOperation(
            deps,
            {
              actor,
              policy: page.policy,
              auditAction: page.audit,
              breakGlassReason: formField(request, 'breakGlassReason') || null,
              clientAddress: request.ip,
              requestId: request.id,
              method: request.method,
              route: page.url,
            },
            op => page.handle(op, request),
          )
          if (result.redirect) {
            return reply.redirect(result.redirect, 303)
          }
          if (result.file) {
            return reply
              .code(200)
              .type(result.file.contentType)
              .header('Content-Disposition', `attachment; filename="${result.file.name}"`)
              .header('Cache-Control', 'no-store')
              .send(typeof result.file.body === 'string' ? result.file.body : Buffer.from(result.file.body))
          }
          return sendPage(
            reply,
            request,
            result.template ?? 'errors/not-found.njk',
            result.context ?? {},
            result.status ?? 200,
          )
        } catch (error) {
          return sendErrorPage(reply, request, error)
        }
      },
    })
  }
}

/**
 * Renders the page for a failure.
 * @param reply - the reply
 * @param request - the request
 * @param error - what was thrown
 * @returns the reply
 */
export function sendErrorPage(reply: FastifyReply, request: FastifyRequest, error: unknown): FastifyReply {
  if (error instanceof PageWithErrors) {
    return sendPage(
      reply,
      request,
      error.page.template ?? 'errors/not-found.njk',
      error.page.context ?? {},
      error.status,
    )
  }
  if (error instanceof BreakGlassRequiredError) {
    return sendPage(reply, request, 'errors/restricted.njk', { childId: error.childId }, 403)
  }
  if (error instanceof AppError && (error.status === 404 || error.status === 403)) {
    return sendPage(
      reply,
      request,
      error.status === 404 ? 'errors/not-found.njk' : 'errors/forbidden.njk',
      {},
      error.status,
    )
  }
  if (error instanceof AuditUnavailableError) {
    return sendPage(reply, request, 'errors/unavailable.njk', {}, 503)
  }
  request.log.error({ err: error }, 'Page failed')
  return sendPage(reply, request, 'errors/unavailable.njk', {}, 500)
}
