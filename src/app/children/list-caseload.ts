import { listChildSummaries, type CaseloadScope, type ChildSummary } from '../../db/repositories/caseload-repository.ts'
import { loadOpenItems, type StoredTimescaleItem } from '../../db/repositories/timescales-repository.ts'
import { loadStaleChildIds } from '../../db/repositories/timescales-freshness.ts'
import { authoriseAuthority, filterViewableChildren, type Operation } from '../shared/run-operation.ts'
import { evaluateAndStore } from '../timescales/evaluate-and-store.ts'

export type CaseloadView = 'mine' | 'team'

export interface CaseloadChild extends ChildSummary {
  /** Overdue, due-soon and upcoming items, soonest first. */
  readonly openItems: readonly StoredTimescaleItem[]
}

/**
 * The children the user works with, each with what is next due: their allocated children (an IRO's: the children
 * they review), or, for a team, the whole team's. Only children the user may view are listed; each listing is
 * audited with the ids shown. Due dates older than today are recomputed first.
 * @param op - the operation
 * @param view - the user's own caseload or their team's
 * @returns the children
 */
export async function listCaseload(op: Operation, view: CaseloadView = 'mine'): Promise<CaseloadChild[]> {
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
  const ids = shown.map(s => s.id)
  const stale = await loadStaleChildIds(op.tx, ids, op.today)
  if (stale.length > 0) {
    await evaluateAndStore(op.tx, actor.authorityId, op.today, stale)
  }
  const items = await loadOpenItems(op.tx, ids)
  op.addAuditDetail('childIds', ids)
  return shown.map(child => ({ ...child, openItems: items.filter(i => i.childId === child.id) }))
}
