import { listBreakGlassOpenings, listOverdueRestrictions } from '../../db/repositories/security-repository.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'
import type { BreakGlassOpening } from './list-break-glass-openings.ts'
import { BREAK_GLASS_REPORT_DAYS } from './list-break-glass-openings.ts'
import type { RestrictionDue } from './list-overdue-restriction-reviews.ts'

/**
 * The restrictions page: break-glass openings in the last 90 days and restrictions whose review is overdue
 * (security AUD-06, PRIV-01) — all of them for an administrator, a team manager's own for a team manager.
 * @param op - the operation
 * @returns both lists
 */
export async function viewRestrictionsReport(
  op: Operation,
): Promise<{ openings: BreakGlassOpening[]; overdue: RestrictionDue[] }> {
  authoriseAuthority(op, 'restrictions:report')
  const ownerId = op.actor.role === 'administrator' ? null : op.actor.userId
  const openings = await listBreakGlassOpenings(op.tx, {
    ownerId,
    since: new Date(op.now.getTime() - BREAK_GLASS_REPORT_DAYS * 24 * 60 * 60 * 1000),
    limit: 500,
  })
  const overdue = await listOverdueRestrictions(op.tx, op.today, ownerId)
  op.addAuditDetail('childIds', [...new Set([...openings.map(o => o.childId), ...overdue.map(o => o.childId)])])
  return { openings, overdue }
}
