import { listChildSummaries } from '../../db/repositories/caseload-repository.ts'
import { loadAllSiblingLinks } from '../../db/repositories/network-repository.ts'
import type { SiblingKind } from '../../domain/children/codes.ts'
import { siblingGroups, type PairStatus } from '../../domain/network/siblings.ts'
import { authoriseAuthority, filterViewableChildren, type Operation } from '../shared/run-operation.ts'
import { statusOfPairs } from './sibling-status.ts'

export interface SplitSiblingGroup {
  /** The children in the group the user may see, with names. */
  readonly children: readonly { readonly id: string; readonly name: string; readonly caseNumber: string }[]
  /** Pairs living apart, with their warnings. */
  readonly pairs: readonly PairStatus[]
}

/**
 * Every sibling group in the authority with brothers or sisters living apart and no Together-or-Apart assessment of
 * the pair, or with plans that diverge without a recorded reason: the manager's list (issue 7). Children the user
 * may not see are left out.
 * @param op - the operation
 * @returns the groups
 */
export async function listSplitSiblingGroups(op: Operation): Promise<SplitSiblingGroup[]> {
  authoriseAuthority(op, 'dashboard:team')
  const links = await loadAllSiblingLinks(op.tx)
  const viewable = await filterViewableChildren(op, [...new Set(links.flatMap(l => [l.childId, l.siblingChildId]))])
  const pairs = links
    .filter(l => viewable.has(l.childId) && viewable.has(l.siblingChildId))
    .map(l => ({ childId: l.childId, siblingChildId: l.siblingChildId, kind: l.kind as SiblingKind }))
  const statuses = await statusOfPairs(op.tx, pairs, op.today)
  const flagged = statuses.filter(
    s => s.warnings.includes('apart-without-assessment') || s.warnings.includes('plans-diverge-without-reason'),
  )
  const groups = siblingGroups(flagged)
  const summaries = await listChildSummaries(op.tx, { kind: 'ids', ids: groups.flat() }, op.today)
  const byId = new Map(summaries.map(s => [s.id, s]))
  op.addAuditDetail('groups', groups.length)
  return groups.map(group => ({
    children: group.map(id => ({
      id,
      name: byId.has(id) ? `${byId.get(id)!.givenNames} ${byId.get(id)!.familyName}` : 'A child',
      caseNumber: byId.get(id)?.localCaseNumber ?? '',
    })),
    pairs: flagged.filter(p => group.includes(p.childId)),
  }))
}
