import { sendPlanToManager as send } from '../../domain/plans/plan-lifecycle.ts'
import type { SendPlanToManager } from '../../domain/plans/plan-schemas.ts'
import type { Operation } from '../shared/run-operation.ts'
import { bankHolidaysAround } from './bank-holidays.ts'
import { changePlanVersion, type PlanChangeResult } from './change-plan-version.ts'
import { orRefuse } from './plan-support.ts'
import { planningSettingsFor } from './planning-settings.ts'

/**
 * The social worker sends the draft to the team manager for the PPM. Lateness against the authority's rule is
 * flagged, never refused ([DOR] Golden Rules "3 days in advance"; rules.md PP-03; docs/adr/0024).
 * @param op - the operation
 * @param childId - the child
 * @param planVersion - the draft
 * @param expectedRowVersion - the row version the user saw
 * @param command - the PPM it is for
 * @returns the version, now sent to the manager
 */
export async function sendPlanToManager(
  op: Operation,
  childId: string,
  planVersion: number,
  expectedRowVersion: number,
  command: SendPlanToManager,
): Promise<PlanChangeResult> {
  return changePlanVersion(
    op,
    { childId, planVersion, expectedRowVersion, action: 'plan:edit', reason: 'Plan sent to the team manager' },
    async (target, _state, actor) => {
      const settings = await planningSettingsFor(op)
      const bankHolidays = await bankHolidaysAround(op.tx, command.ppmOn)
      const { plan, event } = orRefuse(
        send(target.plan, command, actor, op.today, {
          rule: settings.plan.planToManagerBeforePpm,
          bankHolidays,
        }),
      )
      op.addAuditDetail('isLate', plan.submission?.isLate ?? null)
      return { plan, events: [event] }
    },
  )
}
