import { listChildSummaries, searchChildIds, type ChildSummary } from '../../db/repositories/caseload-repository.ts'
import { authoriseAuthority, filterViewableChildren, type Operation } from '../shared/run-operation.ts'

const SEARCH_LIMIT = 50

/**
 * Finds children by name or local case number, among those the user may view. Restricted records the user is not
 * permitted to see are not listed at all (PRIV-01). The audit event keeps the query and the ids returned (AUD-01).
 * @param op - the operation
 * @param query - the words typed
 * @returns the matching children
 */
export async function searchChildren(op: Operation, query: string): Promise<ChildSummary[]> {
  authoriseAuthority(op, 'children:search')
  const candidates = await searchChildIds(op.tx, query, SEARCH_LIMIT * 4)
  const viewable = await filterViewableChildren(op, candidates)
  const ids = candidates.filter(id => viewable.has(id)).slice(0, SEARCH_LIMIT)
  const results = await listChildSummaries(op.tx, { kind: 'ids', ids }, op.today)
  op.addAuditDetail('query', query)
  op.addAuditDetail(
    'childIds',
    results.map(r => r.id),
  )
  return results
}
