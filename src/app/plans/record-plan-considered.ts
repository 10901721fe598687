import { recordPlanConsideredAtPpm } from '../../domain/plans/plan-lifecycle.ts'
import type { RecordPlanConsidered } from '../../domain/plans/plan-schemas.ts'
import type { Operation } from '../shared/run-operation.ts'
import { changePlanVersion, type PlanChangeResult } from './change-plan-version.ts'
import { meetingReferenceFor } from './meeting-reference.ts'
import { orRefuse } from './plan-support.ts'

/**
 * The team manager records that a held permanence planning meeting considered the plan ([DOR] "Team manager chairs
 * the PPM"; [TAM] App 4). Closing a PPM that names the plan in a child's outcome does the same.
 * @param op - the operation
 * @param childId - the child
 * @param planVersion - the version sent to the manager
 * @param expectedRowVersion - the row version the user saw
 * @param command - the meeting
 * @returns the version, considered at the PPM
 */
export async function recordPlanConsidered(
  op: Operation,
  childId: string,
  planVersion: number,
  expectedRowVersion: number,
  command: RecordPlanConsidered,
): Promise<PlanChangeResult> {
  return changePlanVersion(
    op,
    { childId, planVersion, expectedRowVersion, action: 'plan:endorse', reason: 'Plan considered at a PPM' },
    async (target, _state, actor) => {
      const meeting = await meetingReferenceFor(op, command.meetingId, 'meetingId', false)
      const { plan, event } = orRefuse(recordPlanConsideredAtPpm(target.plan, command, actor, op.today, { meeting }))
      return { plan, events: [event] }
    },
  )
}
