/**
 * Facts for the timescale engine that live outside the care record — plans and meetings, adoption decisions,
 * family time, notices — gathered for a set of children. Each area adds its loader here.
 */
import type { Tx } from '../../db/client.ts'
import type { CaseHistoryExtras } from '../../domain/timescales/case-history-from-record.ts'

/**
 * Loads the extra facts for some children.
 * @param _tx - the transaction
 * @param childIds - the children
 * @returns extras by child id (children with none are absent)
 */
export async function loadCaseHistoryExtras(
  _tx: Tx,
  childIds: readonly string[],
): Promise<Map<string, CaseHistoryExtras>> {
  const extras = new Map<string, CaseHistoryExtras>()
  for (const childId of childIds) {
    extras.set(childId, {})
  }
  return Promise.resolve(extras)
}
