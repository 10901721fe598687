import { editDraftPlan as applyEdit } from '../../domain/plans/permanence-plan.ts'
import type { PlanEdit } from '../../domain/plans/plan-schemas.ts'
import type { Operation } from '../shared/run-operation.ts'
import { changePlanVersion, type PlanChangeResult } from './change-plan-version.ts'
import { orRefuse } from './plan-support.ts'

/**
 * Changes sections of a draft plan (each top-level key given replaces that section). Only a draft changes; every
 * structural rule is checked on each save, so a form can show every problem beside its field.
 * @param op - the operation
 * @param childId - the child
 * @param planVersion - the draft's version number
 * @param expectedRowVersion - the row version the user saw
 * @param edit - the sections
 * @returns the saved version
 */
export async function editDraftPlan(
  op: Operation,
  childId: string,
  planVersion: number,
  expectedRowVersion: number,
  edit: PlanEdit,
): Promise<PlanChangeResult> {
  op.addAuditDetail('sections', Object.keys(edit))
  return changePlanVersion(
    op,
    { childId, planVersion, expectedRowVersion, action: 'plan:edit', reason: 'Plan edited' },
    (target, _state, actor) => ({ plan: orRefuse(applyEdit(target.plan, edit, actor, op.today)), events: [] }),
  )
}
