import { setChangeReason } from '../../db/client.ts'
import { loadMyPlan, updateMyPlan } from '../../db/repositories/panels-repository.ts'
import type { MyPlan } from '../../domain/plans/compose-my-plan.ts'
import { domainError } from '../../domain/shared/result.ts'
import { RuleViolationError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { assertRowVersion, planningContextOf, rowVersionAfter } from './plan-support.ts'

/**
 * The social worker's edit of "My plan": the child's words, age and understanding are theirs to judge. An edit after
 * sharing makes a new copy that has not been shared yet (the shared one stays in the history).
 * @param op - the operation
 * @param childId - the child
 * @param expectedRowVersion - the row version the user saw
 * @param myPlan - the sections
 * @returns the new row version
 */
export async function editMyPlan(
  op: Operation,
  childId: string,
  expectedRowVersion: number,
  myPlan: MyPlan,
): Promise<{ rowVersion: number }> {
  await authoriseChild(op, childId, 'plan:edit')
  const existing = await loadMyPlan(op.tx, childId)
  if (!existing) {
    throw new RuleViolationError([domainError('my-plan-not-composed', [])])
  }
  assertRowVersion(existing.rowVersion, expectedRowVersion)
  await setChangeReason(op.tx, 'My plan edited')
  return {
    rowVersion: rowVersionAfter(
      await updateMyPlan(op.tx, planningContextOf(op), existing.id, expectedRowVersion, {
        planId: existing.planId,
        planVersion: existing.planVersion,
        myPlan,
        composedOn: existing.composedOn,
        shared: null,
      }),
      expectedRowVersion,
      'My plan',
    ),
  }
}
