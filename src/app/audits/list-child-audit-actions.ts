import { listAuditActions, type AuditAction } from '../../db/repositories/audits-repository.ts'
import { compareCalendarDays } from '../../domain/shared/calendar-day.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'

export interface TrackedAuditAction extends AuditAction {
  readonly isOverdue: boolean
}

/**
 * The actions case-file audit findings set on a child's record (audited as a view of the child).
 * @param op - the operation
 * @param childId - the child
 * @returns the actions, earliest due first
 */
export async function listChildAuditActions(op: Operation, childId: string): Promise<TrackedAuditAction[]> {
  await authoriseChild(op, childId, 'child:view')
  const actions = await listAuditActions(op.tx, { childId })
  return actions.map(a => ({ ...a, isOverdue: a.status === 'open' && compareCalendarDays(a.dueOn, op.today) < 0 }))
}
