import { recordPermanenceAchieved as record } from '../../domain/plans/plan-lifecycle.ts'
import type { RecordPermanenceAchieved } from '../../domain/plans/plan-schemas.ts'
import type { Operation } from '../shared/run-operation.ts'
import { changePlanVersion, type PlanChangeResult } from './change-plan-version.ts'
import { orRefuse } from './plan-support.ts'

/**
 * Records that permanence was achieved, by the primary plan's route, on a date: the end of the planning cycle (for
 * long-term fostering the plan is then reviewed on the authority's cadence, rules.md PP-05).
 * @param op - the operation
 * @param childId - the child
 * @param planVersion - the endorsed or ratified version in force
 * @param expectedRowVersion - the row version the user saw
 * @param command - the date, the route and any note
 * @returns the version with permanence recorded
 */
export async function recordPermanenceAchieved(
  op: Operation,
  childId: string,
  planVersion: number,
  expectedRowVersion: number,
  command: RecordPermanenceAchieved,
): Promise<PlanChangeResult> {
  return changePlanVersion(
    op,
    { childId, planVersion, expectedRowVersion, action: 'plan:edit', reason: 'Permanence achieved' },
    (target, _state, actor) => {
      const { plan, event } = orRefuse(record(target.plan, command, actor, op.today))
      return { plan, events: [event] }
    },
  )
}
