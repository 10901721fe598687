import { listChildSummaries, type CaseloadScope, type ChildSummary } from '../../db/repositories/caseload-repository.ts'
import { authoriseAuthority, filterViewableChildren, type Operation } from '../shared/run-operation.ts'

export type CaseloadView = 'mine' | 'team'

/**
 * The children the user works with: their allocated children (an IRO's: the children they review), or, for a team
 * manager, the whole team's. Only children the user may view are listed; each listing is audited with the ids shown.
 * @param op - the operation
 * @param view - the user's own caseload or their team's
 * @returns the children
 */
export async function listCaseload(op: Operation, view: CaseloadView = 'mine'): Promise<ChildSummary[]> {
  authoriseAuthority(op, 'caseload:view')
  const { actor } = op
  const scope: CaseloadScope =
    view === 'team' && actor.teamId
      ? { kind: 'team', teamId: actor.teamId }
      : actor.role === 'iro'
        ? { kind: 'iro', userId: actor.userId }
        : { kind: 'worker', userId: actor.userId }
  const summaries = await listChildSummaries(op.tx, scope, op.today)
  const viewable = await filterViewableChildren(
    op,
    summaries.map(s => s.id),
  )
  const shown = summaries.filter(s => viewable.has(s.id))
  op.addAuditDetail(
    'childIds',
    shown.map(s => s.id),
  )
  return shown
}
