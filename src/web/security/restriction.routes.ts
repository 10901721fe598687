/**
 * Restricting a child's record and lifting the restriction (security PRIV-01), and the restrictions page for
 * owners and administrators: break-glass openings and overdue reviews (AUD-06). The form shows no name of the
 * child; each post is one audited operation (a refusal for bad input is kept in its audit event's details).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { liftRestriction } from '../../app/security/lift-restriction.ts'
import { restrictChildRecord } from '../../app/security/restrict-child-record.ts'
import { viewRestriction, type RestrictionView } from '../../app/security/view-restriction.ts'
import { viewRestrictionsReport } from '../../app/security/view-restrictions-report.ts'
import type { AppDependencies } from '../../app/shared/dependencies.ts'
import { RuleViolationError, StaleVersionError } from '../../app/shared/errors.ts'
import { runOperation, type Operation } from '../../app/shared/run-operation.ts'
import {
  LiftRestrictionSchema,
  RESTRICTION_FIELD_LABELS,
  RESTRICTION_MESSAGES,
  RestrictionSchema,
} from '../../domain/access/restriction-inputs.ts'
import { CARE_RECORD_RULE_MESSAGES } from '../../domain/children/care-record-inputs.ts'
import { addCalendarDays, formatCalendarDay } from '../../domain/shared/calendar-day.ts'
import { idSchema, parseInput } from '../../domain/shared/input.ts'
import { formField, hasValidCsrfToken, sendErrorPage, sendPage, type WebPage } from '../web-route.ts'

const TEMPLATE = 'security/restriction.njk'
const MESSAGES: Record<string, string> = { ...CARE_RECORD_RULE_MESSAGES, ...RESTRICTION_MESSAGES }

function childIdOf(request: FastifyRequest): string {
  const parsed = idSchema.safeParse((request.params as Record<string, unknown>).childId)
  // An id that cannot exist is "not found", like any other.
  return parsed.success ? parsed.data : '00000000-0000-4000-8000-000000000000'
}

function formContext(
  op: Operation,
  view: RestrictionView,
  values: Record<string, unknown>,
  errors: { text: string; href: string }[] = [],
  done?: string,
) {
  const fieldErrors: Record<string, { text: string }> = {}
  for (const error of errors) {
    fieldErrors[error.href.slice(1)] ??= { text: error.text }
  }
  const ownerId = (values.ownerId as string | undefined) ?? view.ownerId
  const permitted = new Set((values.permittedUserIds as string[] | undefined) ?? view.permittedUserIds)
  return {
    view,
    values,
    errors,
    fieldErrors,
    done,
    exampleDate: formatCalendarDay(addCalendarDays(op.today, 30)),
    ownerItems: [
      { value: '', text: 'Choose the owner' },
      ...view.owners.map(u => ({ value: u.id, text: `${u.displayName} (${u.email})`, selected: u.id === ownerId })),
    ],
    peopleItems: view.people.map(u => ({
      value: u.id,
      text: `${u.displayName} (${u.email})`,
      checked: permitted.has(u.id),
    })),
  }
}

function listOf(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : typeof value === 'string'
      ? [value]
      : []
}

export const restrictionPages: readonly WebPage[] = [
  {
    method: 'GET',
    url: '/children/:childId/restriction',
    policy: 'restriction:manage',
    audit: 'RESTRICTION_VIEWED',
    handle: async (op, request) => {
      const view = await viewRestriction(op, childIdOf(request))
      const done = (request.query as Record<string, unknown>).done
      const [year, month, day] = (view.reviewOn ?? '').split('-')
      return {
        template: TEMPLATE,
        context: formContext(
          op,
          view,
          { category: view.category, 'reviewOn-day': day, 'reviewOn-month': month, 'reviewOn-year': year },
          [],
          done === 'restricted'
            ? 'The restriction has been saved'
            : done === 'lifted'
              ? 'The restriction has been lifted'
              : undefined,
        ),
      }
    },
  },
  {
    method: 'GET',
    url: '/restrictions',
    policy: 'restrictions:report',
    audit: 'RESTRICTIONS_REPORT_VIEWED',
    handle: async op => ({ template: 'security/restrictions-report.njk', context: await viewRestrictionsReport(op) }),
  },
]

async function post(
  deps: AppDependencies,
  request: FastifyRequest,
  reply: FastifyReply,
  audit: string,
  work: (
    op: Operation,
    childId: string,
    version: number,
  ) => Promise<{ redirect: string } | { errors: { text: string; href: string }[] }>,
) {
  const actor = request.actor!
  if (!hasValidCsrfToken(request)) {
    return sendPage(reply, request, 'errors/forbidden.njk', { reason: 'form-expired' }, 403)
  }
  const childId = childIdOf(request)
  const version = Number(formField(request, 'version'))
  try {
    const outcome = await runOperation(
      deps,
      {
        actor,
        policy: 'restriction:manage',
        auditAction: audit,
        clientAddress: request.ip,
        requestId: request.id,
        method: 'POST',
        route: request.routeOptions.url ?? null,
      },
      async op => {
        const result = await work(op, childId, Number.isInteger(version) ? version : 0).catch((error: unknown) => {
          if (error instanceof RuleViolationError) {
            return {
              errors: error.errors.map(e => ({
                text: MESSAGES[e.code] ?? e.code,
                href: `#${String(e.path[0] ?? 'reason')}`,
              })),
            }
          }
          if (error instanceof StaleVersionError) {
            return {
              errors: [{ text: 'Someone else has changed this record. Check it and try again', href: '#reason' }],
            }
          }
          throw error
        })
        if ('redirect' in result) {
          return result
        }
        op.addAuditDetail(
          'refused',
          result.errors.map(e => e.href.slice(1)),
        )
        const view = await viewRestriction(op, childId)
        return { page: formContext(op, view, request.body as Record<string, unknown>, result.errors) }
      },
    )
    if ('redirect' in outcome) {
      return reply.redirect(outcome.redirect, 303)
    }
    return sendPage(reply, request, TEMPLATE, outcome.page, 400)
  } catch (error) {
    return sendErrorPage(reply, request, error)
  }
}

/**
 * Registers the restriction form handlers.
 * @param app - the server
 * @param deps - the application's dependencies
 */
export function registerRestrictionRoutes(app: FastifyInstance, deps: AppDependencies): void {
  app.post(
    '/children/:childId/restriction',
    {
      config: { security: { auth: 'session', policy: 'restriction:manage', audit: 'CHILD_RECORD_RESTRICTED' } },
      schema: { hide: true },
    },
    (request, reply) =>
      post(deps, request, reply, 'CHILD_RECORD_RESTRICTED', async (op, childId, version) => {
        const body = request.body as Record<string, unknown>
        const pad = (value: string) => value.trim().padStart(2, '0')
        const reviewOn = `${formField(request, 'reviewOn-year').trim()}-${pad(formField(request, 'reviewOn-month'))}-${pad(formField(request, 'reviewOn-day'))}`
        const parsed = parseInput(
          RestrictionSchema,
          {
            category: formField(request, 'category'),
            ownerId: formField(request, 'ownerId'),
            reviewOn,
            permittedUserIds: listOf(body.permittedUserIds),
            reason: formField(request, 'reason'),
          },
          RESTRICTION_FIELD_LABELS,
        )
        if (!parsed.ok) {
          // Authorise first, so a user who may not touch the record learns nothing from the form's errors.
          await viewRestriction(op, childId)
          return { errors: parsed.errors.map(e => ({ text: e.message, href: `#${e.path.split('.')[0]}` })) }
        }
        await restrictChildRecord(op, childId, version, parsed.value)
        return { redirect: `/children/${childId}/restriction?done=restricted` }
      }),
  )
  app.post(
    '/children/:childId/restriction/lift',
    {
      config: { security: { auth: 'session', policy: 'restriction:manage', audit: 'CHILD_RESTRICTION_LIFTED' } },
      schema: { hide: true },
    },
    (request, reply) =>
      post(deps, request, reply, 'CHILD_RESTRICTION_LIFTED', async (op, childId, version) => {
        const parsed = parseInput(
          LiftRestrictionSchema,
          { reason: formField(request, 'reason') },
          RESTRICTION_FIELD_LABELS,
        )
        if (!parsed.ok) {
          await viewRestriction(op, childId)
          return { errors: [{ text: 'Enter why the restriction is no longer needed', href: '#liftReason' }] }
        }
        await liftRestriction(op, childId, version, parsed.value.reason)
        return { redirect: `/children/${childId}/restriction?done=lifted` }
      }),
  )
}
