/**
 * Restricted records (security PRIV-01, AUD-06): restrict a child's record or lift the restriction (versioned, with
 * a reason, If-Match required), and the reports for restriction owners and administrators — break-glass openings,
 * and restrictions whose review is overdue. Opening a restricted record outside its permitted set needs the header
 * `X-Break-Glass-Reason` on any child route; that reason is audited and appears in the report.
 */
import { z } from 'zod'
import { liftRestriction } from '../../app/security/lift-restriction.ts'
import { listBreakGlassReport } from '../../app/security/list-break-glass-openings.ts'
import { listOverdueRestrictionReviews } from '../../app/security/list-overdue-restriction-reviews.ts'
import { restrictChildRecord } from '../../app/security/restrict-child-record.ts'
import {
  LiftRestrictionSchema,
  RESTRICTION_FIELD_LABELS,
  RESTRICTION_MESSAGES,
  RestrictionSchema,
} from '../../domain/access/restriction-inputs.ts'
import { apiRoute, type ApiRoute } from '../../http/api-route.ts'
import { registerMessages } from '../../http/error-messages.ts'
import { ChildParamsSchema } from '../children/children.schema.ts'

registerMessages(RESTRICTION_MESSAGES)

const CHILD = '/api/v1/children/:childId/restriction'
const VersionSchema = z.object({ version: z.number() })

export const restrictionsRoutes: readonly ApiRoute<never, never, never>[] = [
  apiRoute({
    method: 'PUT',
    url: CHILD,
    summary: "Restrict the child's record, or change its restriction (If-Match: the child's version)",
    tags: ['Restricted records'],
    policy: 'restriction:manage',
    audit: 'CHILD_RECORD_RESTRICTED',
    params: ChildParamsSchema,
    body: RestrictionSchema,
    response: VersionSchema,
    labels: RESTRICTION_FIELD_LABELS,
    needsVersion: true,
    handle: async (op, { params, body, version }) => {
      const changed = await restrictChildRecord(op, params.childId, version, body)
      return { body: changed, version: changed.version }
    },
  }),
  apiRoute({
    method: 'POST',
    url: `${CHILD}/lift`,
    summary: "Lift the restriction on the child's record (If-Match: the child's version)",
    tags: ['Restricted records'],
    policy: 'restriction:manage',
    audit: 'CHILD_RESTRICTION_LIFTED',
    params: ChildParamsSchema,
    body: LiftRestrictionSchema,
    response: VersionSchema,
    labels: RESTRICTION_FIELD_LABELS,
    needsVersion: true,
    handle: async (op, { params, body, version }) => {
      const changed = await liftRestriction(op, params.childId, version, body.reason)
      return { body: changed, version: changed.version }
    },
  }),
  apiRoute({
    method: 'GET',
    url: '/api/v1/restrictions/break-glass-openings',
    summary: 'Restricted records opened with a reason in the last 90 days (owners see their own; administrators all)',
    tags: ['Restricted records'],
    policy: 'restrictions:report',
    audit: 'BREAK_GLASS_REPORT_VIEWED',
    handle: async op => ({
      body: {
        openings: (await listBreakGlassReport(op)).map(o => ({ ...o, occurredAt: o.occurredAt.toISOString() })),
      },
    }),
  }),
  apiRoute({
    method: 'GET',
    url: '/api/v1/restrictions/overdue-reviews',
    summary: 'Restrictions whose review date has passed (owners see their own; administrators all)',
    tags: ['Restricted records'],
    policy: 'restrictions:report',
    audit: 'OVERDUE_RESTRICTIONS_VIEWED',
    handle: async op => ({ body: { restrictions: await listOverdueRestrictionReviews(op) } }),
  }),
] as unknown as ApiRoute<never, never, never>[]
