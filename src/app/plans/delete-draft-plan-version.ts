import { setChangeReason } from '../../db/client.ts'
import { voidPlanVersion } from '../../db/repositories/plans-repository.ts'
import { domainError } from '../../domain/shared/result.ts'
import { RuleViolationError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { afterPlanningChange } from './after-planning-change.ts'
import type { PlanChangeResult } from './change-plan-version.ts'
import { assertRowVersion, loadPlanState, planningContextOf, planVersionOf, rowVersionAfter } from './plan-support.ts'

/**
 * Deletes a plan started in error: its first version, while still a draft, is voided with the reason (never removed;
 * its history stays), and the child has no plan, so one can be started again. A version that has been sent on is part
 * of the record and cannot be deleted: a new version supersedes it.
 * @param op - the operation
 * @param childId - the child
 * @param planVersion - the draft version
 * @param expectedRowVersion - the row version the user saw
 * @param reason - why it is deleted
 * @returns the voided version
 */
export async function deleteDraftPlanVersion(
  op: Operation,
  childId: string,
  planVersion: number,
  expectedRowVersion: number,
  reason: string,
): Promise<PlanChangeResult> {
  await authoriseChild(op, childId, 'plan:edit')
  if (reason.trim().length < 3) {
    throw new RuleViolationError([domainError('reasons-required', ['reasons'])])
  }
  const state = await loadPlanState(op, childId)
  const target = planVersionOf(state, planVersion)
  assertRowVersion(target.rowVersion, expectedRowVersion)
  // Only a plan's first version, while a draft: a later draft is changed or taken forward instead (its number would
  // be taken again by the next version, which the plan's numbering does not allow).
  if (target.plan.status !== 'draft' || state.latest?.rowId !== target.rowId || target.plan.version !== 1) {
    throw new RuleViolationError([
      domainError('only-first-draft-can-be-deleted', ['status'], { status: target.plan.status }),
    ])
  }
  await setChangeReason(op.tx, reason.trim())
  const rowVersion = rowVersionAfter(
    await voidPlanVersion(op.tx, planningContextOf(op), target.rowId, expectedRowVersion, reason.trim()),
    expectedRowVersion,
    'Plan version',
  )
  op.addAuditDetail('planVersion', planVersion)
  await afterPlanningChange(op, [childId])
  return { planId: target.plan.id, planVersion, rowVersion, status: target.plan.status }
}
