import { returnPlanToDraft as returnToDraft } from '../../domain/plans/plan-lifecycle.ts'
import type { ReturnPlanToDraft } from '../../domain/plans/plan-schemas.ts'
import type { Operation } from '../shared/run-operation.ts'
import { changePlanVersion, type PlanChangeResult } from './change-plan-version.ts'
import { orRefuse } from './plan-support.ts'

/**
 * The team manager returns a plan to the social worker for changes instead of endorsing it, with reasons.
 * @param op - the operation
 * @param childId - the child
 * @param planVersion - the version sent or considered at the PPM
 * @param expectedRowVersion - the row version the user saw
 * @param command - the manager's reasons
 * @returns the version, back in draft
 */
export async function returnPlanToDraft(
  op: Operation,
  childId: string,
  planVersion: number,
  expectedRowVersion: number,
  command: ReturnPlanToDraft,
): Promise<PlanChangeResult> {
  return changePlanVersion(
    op,
    { childId, planVersion, expectedRowVersion, action: 'plan:endorse', reason: command.reasons },
    (target, _state, actor) => {
      const { plan, event } = orRefuse(returnToDraft(target.plan, command, actor, op.today))
      return { plan, events: [event] }
    },
  )
}
