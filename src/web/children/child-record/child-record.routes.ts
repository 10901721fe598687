import { viewChildPage } from '../../../app/children/view-child-page.ts'
import { idSchema } from '../../../domain/shared/input.ts'
import type { WebPage } from '../../web-route.ts'
import { NotFoundError } from '../../../app/shared/errors.ts'
import type { Operation } from '../../../app/shared/run-operation.ts'
import type { FastifyRequest } from 'fastify'
import { accessSummary, childRecordViewModel } from './child-record.view-model.ts'
import { timescalesViewModel } from './timescales.view-model.ts'
import { planningSummaryViewModel } from './planning-summary.view-model.ts'
import { checkCareRecordReturn } from '../../../app/returns/check-child-return.ts'
import { childReturnViewModel } from '../../returns/child-return.view-model.ts'

async function showChild(op: Operation, request: FastifyRequest) {
  const parsed = idSchema.safeParse((request.params as Record<string, unknown>).childId)
  if (!parsed.success) {
    throw new NotFoundError('Child')
  }
  const page = await viewChildPage(op, parsed.data)
  // SSDA903 data-quality warnings for the current collection year (issue 8; warnings, never refusals).
  const childReturn = childReturnViewModel(await checkCareRecordReturn(op.tx, page.record, op.today))
  return {
    template: 'children/child-record/child-record.njk',
    context: {
      child: childRecordViewModel(page, page.accessLog, op.today),
      accessSummary: accessSummary(page.accessLog.length, page.accessCount),
      siblingNames: page.siblingNames,
      planning: planningSummaryViewModel(page),
      childReturn,
      timescales: timescalesViewModel(
        page.timescales,
        new Map(page.record.people.map(p => [p.id, `${p.givenNames} ${p.familyName}`])),
        page.lifeStoryItems,
      ),
      // security PRIV-01: team managers and administrators can restrict a record (the form checks the policy).
      canManageRestriction: op.actor.role === 'team-manager' || op.actor.role === 'administrator',
    },
  }
}

export const childRecordPages: readonly WebPage[] = [
  { method: 'GET', url: '/children/:childId', policy: 'child:view', audit: 'CHILD_RECORD_VIEWED', handle: showChild },
  // A restricted record opened with a reason (break-glass): the reason comes in the form and is audited.
  {
    method: 'POST',
    url: '/children/:childId/open',
    policy: 'child:view',
    audit: 'CHILD_RECORD_VIEWED',
    handle: showChild,
  },
]
