import { ratifyPlan as ratify } from '../../domain/plans/plan-lifecycle.ts'
import type { RatifyPlan } from '../../domain/plans/plan-schemas.ts'
import type { Operation } from '../shared/run-operation.ts'
import { changePlanVersion, type PlanChangeResult } from './change-plan-version.ts'
import { meetingReferenceFor } from './meeting-reference.ts'
import { orRefuse } from './plan-support.ts'

/**
 * The IRO ratifies the endorsed plan at a child in care review that has been held and recorded ([TAM] §9.1
 * "presented for ratification"; [DEV] "established at the 2nd Child in Care Review"; rules.md PP-01).
 * @param op - the operation
 * @param childId - the child
 * @param planVersion - the endorsed version
 * @param expectedRowVersion - the row version the user saw
 * @param command - the review and the IRO's reasons
 * @returns the ratified version
 */
export async function ratifyPlan(
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
      const { plan, event } = orRefuse(ratify(target.plan, command, actor, op.today, { review }))
      return { plan, events: [event] }
    },
  )
}
