import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { loadPlanState, type PlanState } from './plan-support.ts'

/**
 * Every version of a child's plan, with the version in force and the latest (audited as a view of the child).
 * @param op - the operation
 * @param childId - the child
 * @returns the plan's versions
 */
export async function listPlanVersions(op: Operation, childId: string): Promise<PlanState> {
  await authoriseChild(op, childId, 'child:view')
  return loadPlanState(op, childId)
}
