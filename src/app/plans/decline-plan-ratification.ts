import { declinePlanRatification as decline } from '../../domain/plans/plan-lifecycle.ts'
import type { RatifyPlan } from '../../domain/plans/plan-schemas.ts'
import type { Operation } from '../shared/run-operation.ts'
import { changePlanVersion, type PlanChangeResult } from './change-plan-version.ts'
import { meetingReferenceFor } from './meeting-reference.ts'
import { orRefuse } from './plan-support.ts'

/**
 * The IRO declines to ratify the plan at a review, with reasons: the plan stays endorsed and the challenge is on
 * record (the IRO's role to prevent drift, [TAM] §7).
 * @param op - the operation
 * @param childId - the child
 * @param planVersion - the endorsed version
 * @param expectedRowVersion - the row version the user saw
 * @param command - the review and the IRO's reasons
 * @returns the (unchanged) version
 */
export async function declinePlanRatification(
  op: Operation,
  childId: string,
  planVersion: number,
  expectedRowVersion: number,
  command: RatifyPlan,
): Promise<PlanChangeResult> {
  return changePlanVersion(
    op,
    { childId, planVersion, expectedRowVersion, action: 'plan:ratify', reason: command.reasons },
    async (target, _state, actor) => {
      const review = await meetingReferenceFor(op, command.reviewMeetingId, 'reviewMeetingId', true)
      const { plan, event } = orRefuse(decline(target.plan, command, actor, op.today, { review }))
      return { plan, events: [event] }
    },
  )
}
