import { loadPlanningFacts } from '../../db/repositories/planning-facts-repository.ts'
import type { PlanningFacts } from '../../domain/plans/planning-facts.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'

/**
 * The planning facts the timescale engine reads for a child (case-history `permanenceMeetings`, `permanencePlans`,
 * `permanenceAchieved`, `policyEvents`, agency decisions), with the fuller plan and meeting facts (audited as a view
 * of the child).
 * @param op - the operation
 * @param childId - the child
 * @returns the facts
 */
export async function viewPlanningFacts(op: Operation, childId: string): Promise<PlanningFacts> {
  await authoriseChild(op, childId, 'child:view')
  return loadPlanningFacts(op.tx, childId, op.today)
}
