import { endorsePlan as endorse } from '../../domain/plans/plan-lifecycle.ts'
import type { EndorsePlan } from '../../domain/plans/plan-schemas.ts'
import type { Operation } from '../shared/run-operation.ts'
import { changePlanVersion, type PlanChangeResult } from './change-plan-version.ts'
import { orRefuse, siblingPlanSummaries } from './plan-support.ts'

/**
 * The team manager endorses the plan. Refused without one primary option, a viable contingency, the child's views,
 * the anticipated timescale, how the decision is shared, the reasons every other option was ruled out when adoption
 * is the plan, an explained difference from a looked-after sibling's plan, or a change of option first considered at
 * a review (plan-rules.ts). A new version supersedes the one it was based on, in the same transaction.
 * @param op - the operation
 * @param childId - the child
 * @param planVersion - the version considered at the PPM
 * @param expectedRowVersion - the row version the user saw
 * @param command - the manager's reasons
 * @returns the endorsed version
 */
export async function endorsePlan(
  op: Operation,
  childId: string,
  planVersion: number,
  expectedRowVersion: number,
  command: EndorsePlan,
): Promise<PlanChangeResult> {
  return changePlanVersion(
    op,
    { childId, planVersion, expectedRowVersion, action: 'plan:endorse', reason: command.reasons },
    async (target, state, actor) => {
      const basedOn = target.plan.basedOnVersion
      const previous = basedOn === null ? undefined : state.versions.find(stored => stored.plan.version === basedOn)
      const result = orRefuse(
        endorse(target.plan, command, actor, op.today, {
          previous: previous?.plan ?? null,
          siblingPlans: await siblingPlanSummaries(op, childId),
        }),
      )
      return {
        plan: result.plan,
        events: [result.event, ...(result.superseded ? [result.superseded.event] : [])],
        superseded: result.superseded && previous ? { stored: previous, plan: result.superseded.plan } : null,
      }
    },
  )
}
