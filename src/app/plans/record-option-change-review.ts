import { recordOptionChangeConsideredAtReview } from '../../domain/plans/plan-lifecycle.ts'
import type { RecordOptionChangeReview } from '../../domain/plans/plan-schemas.ts'
import type { Operation } from '../shared/run-operation.ts'
import { changePlanVersion, type PlanChangeResult } from './change-plan-version.ts'
import { meetingReferenceFor } from './meeting-reference.ts'
import { orRefuse } from './plan-support.ts'

/**
 * The IRO records that a held child in care review considered the proposed change of permanence option before it
 * takes effect (CPPCR 2010 reg 32(2); rules.md PP-08; docs/adr/0021).
 * @param op - the operation
 * @param childId - the child
 * @param planVersion - the new version, not yet endorsed
 * @param expectedRowVersion - the row version the user saw
 * @param command - the review and what it concluded
 * @returns the version with the evidence
 */
export async function recordOptionChangeReview(
  op: Operation,
  childId: string,
  planVersion: number,
  expectedRowVersion: number,
  command: RecordOptionChangeReview,
): Promise<PlanChangeResult> {
  return changePlanVersion(
    op,
    { childId, planVersion, expectedRowVersion, action: 'plan:ratify', reason: command.reasons },
    async (target, _state, actor) => {
      const review = await meetingReferenceFor(op, command.reviewMeetingId, 'reviewMeetingId', true)
      const { plan, event } = orRefuse(
        recordOptionChangeConsideredAtReview(target.plan, command, actor, op.today, { review }),
      )
      return { plan, events: [event] }
    },
  )
}
