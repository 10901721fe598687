import { listAuditActions, type AuditAction } from '../../db/repositories/audits-repository.ts'
import { compareCalendarDays } from '../../domain/shared/calendar-day.ts'
import { loadChildHeader, type ChildHeader } from '../plans/child-header.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'

export interface TrackedAuditAction extends AuditAction {
  readonly isOverdue: boolean
}

/**
 * The actions case-file audit findings set on a child's record (audited as a view of the child).
 * @param op - the operation
 * @param childId - the child
 * @returns the child's identity bar and the actions, earliest due first
 */
export async function listChildAuditActions(
  op: Operation,
  childId: string,
): Promise<{ child: ChildHeader; actions: TrackedAuditAction[] }> {
  await authoriseChild(op, childId, 'child:view')
  const actions = await listAuditActions(op.tx, { childId })
  return {
    child: await loadChildHeader(op, childId),
    actions: actions.map(a => ({ ...a, isOverdue: a.status === 'open' && compareCalendarDays(a.dueOn, op.today) < 0 })),
  }
}
