import { recordOptionChangeNotPracticable as record } from '../../domain/plans/plan-lifecycle.ts'
import type { OptionChangeNotPracticable } from '../../domain/plans/plan-schemas.ts'
import type { Operation } from '../shared/run-operation.ts'
import { changePlanVersion, type PlanChangeResult } from './change-plan-version.ts'
import { orRefuse } from './plan-support.ts'

/**
 * The team manager records why the change of permanence option could not reasonably wait for a review (the
 * exception in CPPCR 2010 reg 32(2); rules.md PP-08).
 * @param op - the operation
 * @param childId - the child
 * @param planVersion - the new version, not yet endorsed
 * @param expectedRowVersion - the row version the user saw
 * @param command - the reasons
 * @returns the version with the evidence
 */
export async function recordOptionChangeNotPracticable(
  op: Operation,
  childId: string,
  planVersion: number,
  expectedRowVersion: number,
  command: OptionChangeNotPracticable,
): Promise<PlanChangeResult> {
  return changePlanVersion(
    op,
    { childId, planVersion, expectedRowVersion, action: 'plan:endorse', reason: command.reasons },
    (target, _state, actor) => {
      const { plan, event } = orRefuse(record(target.plan, command, actor, op.today))
      return { plan, events: [event] }
    },
  )
}
