import { setChangeReason } from '../../db/client.ts'
import { insertMyPlan, loadMyPlan, updateMyPlan } from '../../db/repositories/panels-repository.ts'
import { composeMyPlan } from '../../domain/plans/compose-my-plan.ts'
import { domainError } from '../../domain/shared/result.ts'
import { RuleViolationError, VersionRequiredError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { loadChildHeader } from './child-header.ts'
import { assertRowVersion, loadPlanState, planningContextOf, rowVersionAfter } from './plan-support.ts'

/**
 * Writes the child's "My plan" afresh from the permanence plan (the version in force, once endorsed), in plain words, as a draft
 * for the social worker to edit before it is shared ([TAM] §4, §10.2; [DOR] "be wary of jargon"). Replacing an
 * earlier copy needs its row version; the earlier copy stays in the history.
 * @param op - the operation
 * @param childId - the child
 * @param expectedRowVersion - the row version of the existing copy the user saw (null when there is none)
 * @returns the new row version
 */
export async function composeMyPlanDraft(
  op: Operation,
  childId: string,
  expectedRowVersion: number | null,
): Promise<{ rowVersion: number }> {
  await authoriseChild(op, childId, 'plan:edit')
  const state = await loadPlanState(op, childId)
  // "My plan" tells the child the plan the authority has agreed, not a draft.
  if (!state.inForce || (state.inForce.plan.status !== 'endorsed' && state.inForce.plan.status !== 'ratified')) {
    throw new RuleViolationError([domainError('plan-not-in-force', [])])
  }
  const child = await loadChildHeader(op, childId)
  const values = {
    planId: state.inForce.plan.id,
    planVersion: state.inForce.plan.version,
    myPlan: composeMyPlan(state.inForce.plan, { givenNames: child.givenNames, preferredName: child.preferredName }),
    composedOn: op.today,
    shared: null,
  }
  await setChangeReason(op.tx, 'My plan composed from the permanence plan')
  const existing = await loadMyPlan(op.tx, childId)
  if (!existing) {
    await insertMyPlan(op.tx, planningContextOf(op), childId, values)
    return { rowVersion: 1 }
  }
  if (expectedRowVersion === null) {
    throw new VersionRequiredError()
  }
  assertRowVersion(existing.rowVersion, expectedRowVersion)
  return {
    rowVersion: rowVersionAfter(
      await updateMyPlan(op.tx, planningContextOf(op), existing.id, expectedRowVersion, values),
      expectedRowVersion,
      'My plan',
    ),
  }
}
