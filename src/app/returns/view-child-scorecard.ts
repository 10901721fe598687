import { loadReturnFacts, loadScorecardThresholds } from '../../db/repositories/returns-repository.ts'
import { DEFAULT_SCORECARD_THRESHOLDS, scoreChild, type ChildScorecard } from '../../domain/returns/scorecard.ts'
import { NotFoundError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'

/**
 * One child's adoption scorecard measures (A1, A2, A3, A10), one result per adoption order, with the steps that led
 * to them, against the authority's thresholds.
 * @param op - the operation (needs `child:view` on the child)
 * @param childId - the child
 * @returns the results (empty when the child has not been adopted)
 */
export async function viewChildScorecard(op: Operation, childId: string): Promise<ChildScorecard[]> {
  await authoriseChild(op, childId, 'child:view')
  const facts = await loadReturnFacts(op.tx, childId)
  if (facts === undefined) {
    throw new NotFoundError('Child')
  }
  const stored = await loadScorecardThresholds(op.tx)
  return scoreChild(facts, stored?.thresholds ?? DEFAULT_SCORECARD_THRESHOLDS)
}
