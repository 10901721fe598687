import { listBreakGlassOpenings, type BreakGlassOpening } from '../../db/repositories/security-repository.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'

export type { BreakGlassOpening }

/** How far back the report looks by default. */
export const BREAK_GLASS_REPORT_DAYS = 90

/**
 * Restricted records opened by breaking the glass, with who, when and the reason they gave (security AUD-06,
 * PRIV-01). Administrators (information governance) see every opening; a team manager sees the openings of records
 * whose restriction they own. The report names children by id only. Its audit event lists the children it shows.
 * @param op - the operation
 * @param days - how many days back
 * @returns the openings, newest first
 */
export async function listBreakGlassReport(
  op: Operation,
  days = BREAK_GLASS_REPORT_DAYS,
): Promise<BreakGlassOpening[]> {
  authoriseAuthority(op, 'restrictions:report')
  const openings = await listBreakGlassOpenings(op.tx, {
    ownerId: op.actor.role === 'administrator' ? null : op.actor.userId,
    since: new Date(op.now.getTime() - days * 24 * 60 * 60 * 1000),
    limit: 500,
  })
  op.addAuditDetail('childIds', [...new Set(openings.map(o => o.childId))])
  return openings
}
