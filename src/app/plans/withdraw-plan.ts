import { returnPlanToDraft } from '../../domain/plans/plan-lifecycle.ts'
import type { ReturnPlanToDraft } from '../../domain/plans/plan-schemas.ts'
import type { Operation } from '../shared/run-operation.ts'
import { changePlanVersion, type PlanChangeResult } from './change-plan-version.ts'
import { orRefuse } from './plan-support.ts'

/**
 * The writer takes back a plan they sent to the team manager, before the PPM has considered it, with the reason.
 * @param op - the operation
 * @param childId - the child
 * @param planVersion - the version sent
 * @param expectedRowVersion - the row version the user saw
 * @param command - why
 * @returns the version, back in draft
 */
export async function withdrawPlan(
  op: Operation,
  childId: string,
  planVersion: number,
  expectedRowVersion: number,
  command: ReturnPlanToDraft,
): Promise<PlanChangeResult> {
  return changePlanVersion(
    op,
    { childId, planVersion, expectedRowVersion, action: 'plan:edit', reason: command.reasons },
    (target, _state, actor) => {
      const { plan, event } = orRefuse(returnPlanToDraft(target.plan, command, actor, op.today))
      return { plan, events: [event] }
    },
  )
}
