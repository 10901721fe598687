import { listOverdueRestrictions, type RestrictionDue } from '../../db/repositories/security-repository.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'

export type { RestrictionDue }

/**
 * Restrictions whose review date has passed (security PRIV-01: "overdue reviews reported"). Administrators see all
 * of them; a team manager sees those they own.
 * @param op - the operation
 * @returns the restrictions, longest overdue first
 */
export async function listOverdueRestrictionReviews(op: Operation): Promise<RestrictionDue[]> {
  authoriseAuthority(op, 'restrictions:report')
  const due = await listOverdueRestrictions(op.tx, op.today, op.actor.role === 'administrator' ? null : op.actor.userId)
  op.addAuditDetail(
    'childIds',
    due.map(d => d.childId),
  )
  return due
}
